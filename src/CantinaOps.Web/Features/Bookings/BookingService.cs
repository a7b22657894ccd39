using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Bookings;

/// <summary>Who is asking for a booking, as far as the rules are concerned.</summary>
public sealed record Actor(BookedBy As, string? UserId);

/// <summary>
/// Creates and cancels bookings. Each creation runs in one transaction that holds the write lock,
/// re-reads what is held and what the household already has, and asks the domain; the unique index
/// is the backstop, and its violation is reported as the same "slot taken" refusal.
/// </summary>
public sealed class BookingService(CantinaOpsDb db, BookingWriteLock writeLock, Audit.AuditLog audit, IClock clock)
{
    public Task<Outcome<Booking>> BookForHouseholdAsync(ResourceRules target, Instant start, Household household, Actor actor,
        CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var schedule = target.Schedule;
            var week = schedule.Zone.IsoWeekOf(start);
            var weekBookings = await db.Bookings.AsNoTracking()
                .Where(b => b.HouseholdId == household.Id && b.Start >= week.Start && b.Start < week.End
                    && b.Status != BookingStatus.Cancelled)
                .Select(b => b.ResourceId).ToListAsync(cancellationToken);
            var sameKind = target.Site.ResourcesOfKind(schedule.Space.Kind);
            var held = await db.HeldTimesAsync([target.Resource.Id], start - Duration.FromDays(1), start + Duration.FromDays(1),
                cancellationToken);

            var check = schedule.CheckHouseholdSlot(target.Resource, household, start, now, weekBookings.Count(sameKind.Contains),
                new QuotaPolicy(schedule.Space.Site.QuotaTiers), held);
            return check.IsSuccess
                ? Added(Booking.ForHousehold(target.Resource.Id, check.Value.Time, check.Value.Seat,
                    household.Id, actor.As, actor.UserId, now))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);

    /// <param name="pending">A partner's request in a space that needs approval: it holds its time until decided.</param>
    public Task<Outcome<Booking>> BookForPartnerAsync(ResourceRules target, Instant start, Instant end, int partnerId,
        Actor actor, CancellationToken cancellationToken, bool pending = false) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var agreements = await db.Agreements.AsNoTracking().Where(a => a.PartnerId == partnerId).ToListAsync(cancellationToken);
            if (Domain.Partners.Agreement.Check(agreements, target.Schedule.Space.Id, start.InZone(target.Schedule.Zone).Date) is { } outside)
            {
                return Outcome<Booking>.Refused(outside);
            }

            var held = await db.HeldTimesAsync([target.Resource.Id], start - Duration.FromDays(1), end + Duration.FromDays(1),
                cancellationToken);
            var check = target.Schedule.CheckPartnerBlock(target.Resource, start, end, now, held);
            return check.IsSuccess
                ? Added(Booking.ForPartner(target.Resource.Id, check.Value.Time, partnerId, actor.As, actor.UserId, now, pending))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);

    public async Task<Refusal?> CancelAsync(Booking booking, Actor actor, CancellationToken cancellationToken)
    {
        if (booking.Status == BookingStatus.Cancelled)
        {
            return null;
        }

        if (booking.Cancel(clock.GetCurrentInstant(), actor.As) is { } refusal)
        {
            return refusal;
        }

        audit.Record("booking.cancel", $"booking {booking.Id}", actor.As.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// The site cancels a booking (a broken machine, a rule change): the household or partner is flagged
    /// for a notice, and the audit trail says why.
    /// </summary>
    public async Task<Refusal?> CancelBySiteAsync(int bookingId, BookedBy by, string auditAction, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return new Refusal(Rule.InvalidStatusChange, "Unknown booking.");
        }

        var now = clock.GetCurrentInstant();
        if (booking.Cancel(now, by) is { } refusal)
        {
            return refusal;
        }

        db.Notices.Add(new Notice(NoticeKind.BookingCancelledBySite, booking.Id, booking.HouseholdId, booking.PartnerId, now));
        audit.Record(auditAction, $"booking {booking.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Moves a booking whose machine is out of service to the nearest free equivalent slot (another
    /// machine of the same kind at the same time first) and records the notice the household must get.
    /// </summary>
    public Task<Outcome<Booking>> MoveToNearestAsync(Booking booking, ResourceRules target, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var schedule = target.Schedule;
            var resources = schedule.Space.Resources.Select(r => r.Id).ToList();
            var held = (await db.HeldTimesAsync(resources, booking.Start - Duration.FromDays(7), booking.Start + Duration.FromDays(8),
                cancellationToken)).Where(h => !(h.ResourceId == booking.ResourceId && h.Start == booking.Start)).ToList();
            var own = new Slot(booking.ResourceId, booking.Start.InZone(schedule.Zone).LocalDateTime,
                booking.End.InZone(schedule.Zone).LocalDateTime, booking.Start, booking.End);
            if (schedule.NearestAlternative(target.Resource, own, now, held) is not { } alternative)
            {
                return Outcome<Booking>.Refused(Rule.SlotTaken, "No equivalent slot is free in the coming week.");
            }

            var capacity = schedule.Space.Resources.Single(r => r.Id == alternative.ResourceId).Capacity;
            if (alternative.FreeSeat(capacity, held) is not (> 0 and var seat))
            {
                return Outcome<Booking>.Refused(Rule.SlotTaken, "That slot has just been taken.");
            }

            if (booking.MoveTo(alternative.ResourceId, new SlotClaim(alternative.Time, seat), now) is { } refusal)
            {
                return Outcome<Booking>.Refused(refusal);
            }

            db.Notices.Add(new Notice(NoticeKind.BookingMoved, booking.Id, booking.HouseholdId, booking.PartnerId, now));
            audit.Record("booking.move", $"booking {booking.Id}", $"to resource {alternative.ResourceId} at {alternative.Start}");
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);

    private Outcome<Booking> Added(Booking booking)
    {
        db.Bookings.Add(booking);
        audit.Record("booking.create", $"resource {booking.ResourceId} at {booking.Start}",
            booking.HouseholdId is { } h ? $"household {h}" : $"partner {booking.PartnerId}");
        return Outcome<Booking>.Success(booking);
    }

    /// <summary>
    /// Runs a decision under the booking write lock and saves what it changed in the same transaction;
    /// a unique-index violation (the database's own no-double-booking guard) becomes "slot taken".
    /// </summary>
    public async Task<Outcome<T>> InTransactionAsync<T>(Func<Task<Outcome<T>>> decide, CancellationToken cancellationToken)
    {
        await using var write = await Database.BeginBookingWriteAsync(db, writeLock, cancellationToken);
        var outcome = await decide();
        if (!outcome.IsSuccess)
        {
            return outcome;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Refused(Rule.SlotTaken, "That slot has just been taken.");
        }
    }
}
