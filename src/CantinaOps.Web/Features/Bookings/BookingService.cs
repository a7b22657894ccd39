using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Impact;
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
public sealed class BookingService(CantinaOpsDb db, BookingWriteLock writeLock, ScheduleCache rules, Audit.AuditLog audit, IClock clock,
    WalkInPolicy walkIn)
{
    /// <param name="exception">A coordinator's exception to the weekly quota, with its reason (audited when it is used).</param>
    public async Task<Outcome<Booking>> BookForHouseholdAsync(ResourceRules target, Instant start, Household household, Actor actor,
        CancellationToken cancellationToken, Action<Booking>? then = null, QuotaException? exception = null)
    {
        var outcome = await DecideForHouseholdAsync(target, start, household, actor, then, exception, cancellationToken);
        // A refusal because it was full is demand the bookings do not show: kept for the impact figures.
        if (outcome.Refusal?.Rule is Rule.SlotTaken or Rule.QuotaReached)
        {
            db.DemandRefusals.Add(new DemandRefusal(target.Schedule.Space.Id, start.InZone(target.Schedule.Zone).Date,
                outcome.Refusal.Rule == Rule.SlotTaken ? UnmetReason.SlotTaken : UnmetReason.QuotaReached, household.Id, clock.GetCurrentInstant()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    private Task<Outcome<Booking>> DecideForHouseholdAsync(ResourceRules target, Instant start, Household household, Actor actor,
        Action<Booking>? then, QuotaException? exception, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var schedule = target.Schedule;
            var weekBookings = await db.WeekBookingsAsync(schedule.Zone, household.Id, start, cancellationToken);
            var held = await db.HeldTimesAsync([target.Resource.Id], start - Duration.FromDays(1), start + Duration.FromDays(1),
                cancellationToken);

            var check = schedule.CheckHouseholdSlot(target.Resource, household, actor.As, start, now, target.Site.QuotaWeek(schedule.Space.Kind, weekBookings),
                new QuotaPolicy(schedule.Space.Site.QuotaTiers), held, walkIn, exception);
            if (check.IsSuccess && check.Value.OverQuota)
            {
                audit.Record("booking.quota-exception", household.Code, $"resource {target.Resource.Id} at {start}: {exception!.Reason}");
            }

            return check.IsSuccess
                ? Added(Booking.ForHousehold(target.Resource.Id, check.Value.Time, check.Value.Seat,
                    household.Id, actor.As, actor.UserId, now))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken, then);

    /// <summary>
    /// A partner's block. Where the space asks for approval and the partner itself asks, the request is
    /// pending: it holds its time until the coordinator decides.
    /// </summary>
    public Task<Outcome<Booking>> BookForPartnerAsync(ResourceRules target, Instant start, Instant end, int partnerId,
        Actor actor, CancellationToken cancellationToken) =>
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
                ? Added(Booking.ForPartner(target.Resource.Id, check.Value.Time, partnerId, actor.As, actor.UserId, now,
                    target.Schedule.Space.NeedsApproval(actor.As)))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);

    /// <summary>
    /// Cancels a booking for whoever asks — a family, the desk, a partner, a coordinator, the site after a
    /// breakdown or a rule change — under the one <see cref="CancellationPolicy"/>. The audit trail says who
    /// and why. The household or partner is told when the site cancels (<paramref name="bySite"/>) or a
    /// coordinator cancels for it; the desk cancels with the family, at the counter or on the phone, so it
    /// sends nothing. An already cancelled booking is left as it is (a repeated tap does nothing twice).
    /// </summary>
    public async Task<Refusal?> CancelAsync(Booking booking, Actor actor, string? reason, CancellationToken cancellationToken,
        string auditAction = "booking.cancel", bool bySite = false)
    {
        if (booking.Status == BookingStatus.Cancelled)
        {
            return null;
        }

        var target = await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        var notice = target?.Schedule.Space.MinimumNotice ?? Duration.Zero;
        var now = clock.GetCurrentInstant();
        if (booking.Cancel(now, actor.As, notice, reason) is { } refusal)
        {
            return refusal;
        }

        if (bySite || (actor.As == BookedBy.Coordinator && booking.MadeBy != BookedBy.Coordinator))
        {
            db.Notices.Add(new Notice(NoticeKind.BookingCancelledBySite, booking.Id, booking.HouseholdId, booking.PartnerId, now));
        }

        audit.Record(auditAction, $"booking {booking.Id}",
            string.IsNullOrWhiteSpace(reason) ? $"by {actor.As}" : $"by {actor.As}: {reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The site cancels a booking (a broken machine, a rule change), by id.</summary>
    public async Task<Refusal?> CancelBySiteAsync(int bookingId, BookedBy by, string auditAction, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        return booking is null
            ? Refusal.Because(Rule.InvalidStatusChange, "unknown-booking", $"Unknown booking.")
            : await CancelAsync(booking, new Actor(by, null), null, cancellationToken, auditAction, bySite: true);
    }

    /// <summary>
    /// Moves a booking that can no longer take place as booked (its machine is out of service, a new
    /// closure) to the slot the plan of its space gives it: the nearest free equivalent (another machine
    /// of the same kind at the same time first), after the bookings waiting before it have taken theirs,
    /// so it lands where the desk's list said. Records the notice the household must get.
    /// </summary>
    public Task<Outcome<Booking>> MoveToNearestAsync(Booking booking, ResourceRules target, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var plan = await PlanMovesAsync(target.Schedule, now, cancellationToken, booking);
            var move = plan.Single(p => p.BookingId == booking.Id);
            if (move.To is not { } alternative)
            {
                return Outcome<Booking>.Refused(Rule.SlotTaken, "no-equivalent", $"No equivalent slot is free in the coming week.");
            }

            return Moved(booking, alternative.ResourceId, new SlotClaim(alternative.Time, move.Seat), now, BookedBy.Desk,
                $"to resource {alternative.ResourceId} at {alternative.Start}");
        }, cancellationToken);

    /// <summary>
    /// Moves a partner's block that no longer fits the rules (a new closure, shorter hours) to a free block
    /// of the same length nearest its usual time, that day or in the week after, on a day its agreement covers.
    /// </summary>
    public Task<Outcome<Booking>> MoveBlockToNearestAsync(Booking booking, ResourceRules target, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            const int days = 7;
            var now = clock.GetCurrentInstant();
            var held = await db.HeldByOthersAsync([booking], booking.Start - Duration.FromDays(1), booking.End + Duration.FromDays(days + 1),
                cancellationToken);
            var agreements = await db.Agreements.AsNoTracking().Where(a => a.PartnerId == booking.PartnerId).ToListAsync(cancellationToken);
            return SeriesPlanner.NearestFreeBlock(target.Schedule, target.Resource, booking.Time, days, held, now, agreements) is { } block
                ? Moved(booking, booking.ResourceId, new SlotClaim(block, 1), now, BookedBy.Coordinator, "rules changed")
                : Outcome<Booking>.Refused(Rule.SlotTaken, "no-free-block", $"No free block of that length that day or in the week after.");
        }, cancellationToken);

    /// <summary>A move the domain accepts is told to the household or partner and written in the audit trail.</summary>
    private Outcome<Booking> Moved(Booking booking, int resourceId, SlotClaim claim, Instant now, BookedBy by, string detail)
    {
        if (booking.MoveTo(resourceId, claim, now, by) is { } refusal)
        {
            return Outcome<Booking>.Refused(refusal);
        }

        db.Notices.Add(new Notice(NoticeKind.BookingMoved, booking.Id, booking.HouseholdId, booking.PartnerId, now));
        audit.Record("booking.move", $"booking {booking.Id}", detail);
        return Outcome<Booking>.Success(booking);
    }

    /// <summary>
    /// The bookings of a space that wait to be moved (confirmed, not over, on a machine out of order
    /// then), in the order they are served, each with the slot and place it would be moved to.
    /// </summary>
    /// <param name="alsoMoving">A booking that must move for another reason (a new closure, shorter hours):
    /// planned with the others, so it does not take a slot the list gives to one of them.</param>
    public async Task<IReadOnlyList<PlannedMove>> PlanMovesAsync(SpaceSchedule schedule, Instant now, CancellationToken cancellationToken,
        Booking? alsoMoving = null)
    {
        var broken = schedule.Space.Resources.Where(r => r.Outages.Count > 0).ToDictionary(r => r.Id);
        var ids = broken.Keys.ToList();
        var candidates = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.ResourceId) && b.Status == BookingStatus.Confirmed && b.End > now)
            .Select(b => new { b.Id, b.ResourceId, b.Status, b.Start, b.End })
            .ToListAsync(cancellationToken);
        var stranded = candidates.Where(b => broken[b.ResourceId].Strands(b.Status, new Interval(b.Start, b.End), now))
            .Select(b => new Stranded(b.Id, b.ResourceId, new Interval(b.Start, b.End))).ToList();
        if (alsoMoving is not null && stranded.All(s => s.BookingId != alsoMoving.Id))
        {
            stranded.Add(new Stranded(alsoMoving.Id, alsoMoving.ResourceId, alsoMoving.Time));
        }

        if (stranded.Count == 0)
        {
            return [];
        }

        var held = await db.HeldTimesAsync(schedule.Space.Resources.Select(r => r.Id).ToList(),
            stranded.Min(s => s.Time.Start) - Duration.FromDays(7), stranded.Max(s => s.Time.Start) + Duration.FromDays(8), cancellationToken);
        return schedule.PlanMoves(stranded, now, held);
    }

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
    /// <param name="then">What follows from a success and must commit with it (a waitlist wish closed, a notice
    /// that needs the new booking's id): run after the first save, inside the same transaction.</param>
    public async Task<Outcome<T>> InTransactionAsync<T>(Func<Task<Outcome<T>>> decide, CancellationToken cancellationToken,
        Action<T>? then = null)
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
            if (then is not null)
            {
                then(outcome.Value!);
                await db.SaveChangesAsync(cancellationToken);
            }

            await write.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Refused(Rule.SlotTaken, "just-taken", $"That slot has just been taken.");
        }
    }
}
