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
public sealed class BookingService(CantinaOpsDb db, BookingWriteLock writeLock, IClock clock)
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
                ? Outcome<Booking>.Success(Booking.ForHousehold(target.Resource.Id, check.Value.Time, check.Value.Seat,
                    household.Id, actor.As, actor.UserId, now))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);

    public Task<Outcome<Booking>> BookForPartnerAsync(ResourceRules target, Instant start, Instant end, int partnerId,
        Actor actor, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var held = await db.HeldTimesAsync([target.Resource.Id], start - Duration.FromDays(1), end + Duration.FromDays(1),
                cancellationToken);
            var check = target.Schedule.CheckPartnerBlock(target.Resource, start, end, now, held);
            return check.IsSuccess
                ? Outcome<Booking>.Success(Booking.ForPartner(target.Resource.Id, check.Value.Time, partnerId, actor.As,
                    actor.UserId, now))
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

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Outcome<Booking>> InTransactionAsync(Func<Task<Outcome<Booking>>> decide,
        CancellationToken cancellationToken)
    {
        await using var write = await Database.BeginBookingWriteAsync(db, writeLock, cancellationToken);
        var outcome = await decide();
        if (!outcome.IsSuccess)
        {
            return outcome;
        }

        db.Bookings.Add(outcome.Value!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Outcome<Booking>.Refused(Rule.SlotTaken, "That slot has just been taken.");
        }
    }
}
