using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>What a partner asks for: a series preview, a series saved with its choices, occurrence edits.</summary>
public sealed record SeriesRequest(int ResourceId, IReadOnlyList<IsoDayOfWeek> Days, LocalTime Start, LocalTime End,
    LocalDate FirstDay, LocalDate LastDay);

/// <summary>
/// The professional kitchen's recurring series and requests. Everything that writes runs under the
/// booking write lock and re-checks what the partner saw: a series is saved exactly as previewed, or not at all.
/// </summary>
public sealed class PartnerScheduling(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, AuditLog audit, IClock clock)
{
    public async Task<Outcome<IReadOnlyList<OccurrencePlan>>> PreviewAsync(int partnerId, SeriesRequest request,
        CancellationToken cancellationToken)
    {
        if (await PrepareAsync(partnerId, request, cancellationToken) is not { } prepared)
        {
            return Outcome<IReadOnlyList<OccurrencePlan>>.Refused(Rule.WrongResourceForBooker, "series-kitchen-only", $"Series are for the professional kitchen.");
        }

        if (prepared.Series is null)
        {
            return Outcome<IReadOnlyList<OccurrencePlan>>.Refused(prepared.Error!);
        }

        return Outcome<IReadOnlyList<OccurrencePlan>>.Success(await PlanAsync(prepared.Target, prepared.Series, cancellationToken));
    }

    /// <summary>
    /// Saves the series: free occurrences are booked, each conflict follows its choice (skip → kept on
    /// record as skipped; move → booked at the offered time). A conflict without a choice, or "cancel the
    /// series", saves nothing.
    /// </summary>
    public async Task<Outcome<BookingSeries>> SaveAsync(int partnerId, SeriesRequest request, IReadOnlyDictionary<LocalDate, ConflictChoice> choices,
        Actor actor, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(partnerId, request, cancellationToken);
        if (prepared is not { Series: not null })
        {
            return prepared?.Error is { } error ? Outcome<BookingSeries>.Refused(error)
                : Outcome<BookingSeries>.Refused(Rule.WrongResourceForBooker, "series-kitchen-only", $"Series are for the professional kitchen.");
        }

        var pending = prepared.Target.Schedule.Space.NeedsApproval(actor.As);
        return await bookings.InTransactionAsync(async () =>
        {
            var series = prepared.Series;
            var plans = await PlanAsync(prepared.Target, series, cancellationToken);
            var undecided = plans.Where(p => !p.IsFree && !choices.ContainsKey(p.Day)).Select(p => p.Day).ToList();
            if (plans.Any(p => !p.IsFree && choices.GetValueOrDefault(p.Day) == ConflictChoice.CancelSeries))
            {
                return Outcome<BookingSeries>.Refused(Rule.InvalidBlock, "series-cancelled", $"The series was cancelled: nothing was saved.");
            }

            if (undecided.Count > 0)
            {
                // No choice at all: the caller skipped the preview's questions. Some choices but not these: the plan moved meanwhile.
                var days = string.Join(", ", undecided.Select(d => d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                return choices.Count == 0
                    ? Outcome<BookingSeries>.Refused(Rule.ChoiceRequired, "choose-for", $"Choose skip, move or cancel-series for each conflict: {days}.")
                    : Outcome<BookingSeries>.Refused(Rule.SlotTaken, "plan-changed", $"The plan changed since the preview: choose again for {days}.");
            }

            db.Series.Add(series);
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            foreach (var plan in plans)
            {
                var move = !plan.IsFree && choices[plan.Day] == ConflictChoice.Move ? plan.MoveTo : null;
                if (plan.IsFree || move is not null)
                {
                    db.Bookings.Add(Booking.ForPartner(prepared.Target.Resource.Id, move ?? plan.Time!.Value, partnerId, actor.As,
                        actor.UserId, now, pending, series.Id, plan.Day));
                }
                else
                {
                    var time = plan.Time ?? new Interval(prepared.Target.Schedule.Zone.AtStartOfDay(plan.Day).ToInstant(),
                        prepared.Target.Schedule.Zone.AtStartOfDay(plan.Day).ToInstant() + Duration.FromMinutes(1));
                    db.Bookings.Add(Booking.SkippedOccurrence(prepared.Target.Resource.Id, time, partnerId, series.Id, plan.Day,
                        plan.Conflict!.Detail, actor.As, actor.UserId, now));
                }
            }

            audit.Record("series.create", $"series {series.Id}", $"partner {partnerId}, {plans.Count} occurrences");
            return Outcome<BookingSeries>.Success(series);
        }, cancellationToken);
    }

    /// <summary>Cancels one occurrence, or this one and all that follow (the series then stops the day before).</summary>
    public async Task<Refusal?> CancelAsync(int partnerId, int bookingId, bool andFollowing, Actor actor, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.PartnerId == partnerId, cancellationToken);
        if (booking is null)
        {
            return Refusal.Because(Rule.InvalidStatusChange, "unknown-booking", $"Unknown booking.");
        }

        if (!andFollowing || booking.SeriesId is not { } seriesId || booking.OccurrenceDay is not { } day)
        {
            return await bookings.CancelAsync(booking, actor, null, cancellationToken);
        }

        // This one and all following: each occurrence under the same cancellation rule, the series ended, all or none.
        var now = clock.GetCurrentInstant();
        var series = await db.Series.SingleAsync(s => s.Id == seriesId, cancellationToken);
        series.EndBefore(day);
        var targets = await db.Bookings.Where(b => b.SeriesId == seriesId && b.OccurrenceDay >= day).ToListAsync(cancellationToken);

        var notice = (await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken))?.Schedule.Space.MinimumNotice ?? Duration.Zero;
        foreach (var target in targets.Where(t => t.IsActive))
        {
            if (target.Cancel(now, actor.As, notice) is { } refusal)
            {
                return refusal;
            }
        }

        audit.Record("series.cancel-following", $"booking {booking.Id}", $"partner {partnerId} by {actor.As}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Moves one occurrence to other times the same day, or — "this and all following" — every later
    /// occurrence of its series too, which then continues as a new series with the new times. All are
    /// re-checked under the lock: either every one moves, or none does.
    /// </summary>
    public async Task<Refusal?> MoveAsync(int partnerId, int bookingId, LocalTime start, LocalTime end, Actor actor, bool andFollowing,
        CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.PartnerId == partnerId, cancellationToken);
        var target = booking is null ? null : await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (booking is null || target is null)
        {
            return Refusal.Because(Rule.InvalidStatusChange, "unknown-booking", $"Unknown booking.");
        }

        var outcome = await bookings.InTransactionAsync(async () =>
        {
            var zone = target.Schedule.Zone;
            var day = booking.Start.InZone(zone).Date;
            var moving = new List<Booking> { booking };
            BookingSeries? following = null;
            if (andFollowing && booking.SeriesId is { } seriesId && booking.OccurrenceDay is { } occurrence)
            {
                moving = await db.Bookings.Where(b => b.SeriesId == seriesId && b.OccurrenceDay >= occurrence
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending)).ToListAsync(cancellationToken);
                var series = await db.Series.SingleAsync(s => s.Id == seriesId, cancellationToken);
                following = occurrence > series.FirstDay ? series.SplitAt(occurrence, start, end, clock.GetCurrentInstant()) : null;
            }

            var last = moving.Max(b => b.End);
            var held = await db.HeldByOthersAsync(moving, booking.Start - Duration.FromDays(1), last + Duration.FromDays(1), cancellationToken);
            foreach (var each in moving)
            {
                var date = each.Start.InZone(zone).Date;
                var check = target.Schedule.CheckPartnerBlock(target.Resource, zone.ToInstant(date + start), zone.ToInstant(date + end),
                    clock.GetCurrentInstant(), held);
                if (!check.IsSuccess)
                {
                    return Outcome<Booking>.Refused(check.Refusal!.Rule, "on-day", $"{date:d MMMM}: {check.Refusal}");
                }

                if (each.MoveTo(each.ResourceId, check.Value, clock.GetCurrentInstant(), actor.As) is { } refusal)
                {
                    return Outcome<Booking>.Refused(refusal);
                }
            }

            if (following is not null)
            {
                db.Series.Add(following);
                await db.SaveChangesAsync(cancellationToken);
                moving.ForEach(b => b.MoveToSeries(following.Id));
            }

            audit.Record(andFollowing ? "series.move-following" : "booking.move", $"booking {booking.Id}", $"{day} {start}-{end}, {moving.Count} occurrence(s) by {actor.As}");
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);
        return outcome.Refusal;
    }

    /// <summary>The coordinator approves a request after re-checking it against today's rules (closures, outages, agreement).</summary>
    public async Task<Refusal?> ApproveAsync(int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Pending, cancellationToken);
        var target = booking is null ? null : await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (booking is null || target is null)
        {
            return Refusal.Because(Rule.InvalidStatusChange, "no-request", $"No such request waits for approval.");
        }

        var outcome = await bookings.InTransactionAsync(async () =>
        {
            var conflict = await RecheckAsync(booking, target, cancellationToken);
            if (conflict is not null)
            {
                return Outcome<Booking>.Refused(conflict);
            }

            booking.Approve(clock.GetCurrentInstant());
            db.Notices.Add(new Notice(NoticeKind.RequestApproved, booking.Id, null, booking.PartnerId, clock.GetCurrentInstant()));
            audit.Record("request.approve", $"booking {booking.Id}", $"partner {booking.PartnerId}");
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);
        return outcome.Refusal;
    }

    public async Task<Refusal?> DeclineAsync(int bookingId, string reason, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Pending, cancellationToken);
        if (booking is null)
        {
            return Refusal.Because(Rule.InvalidStatusChange, "no-request", $"No such request waits for approval.");
        }

        var refusal = booking.Decline(clock.GetCurrentInstant(), string.IsNullOrWhiteSpace(reason) ? "—" : reason.Trim());
        if (refusal is null)
        {
            db.Notices.Add(new Notice(NoticeKind.RequestDeclined, booking.Id, null, booking.PartnerId, clock.GetCurrentInstant()));
            audit.Record("request.decline", $"booking {booking.Id}", reason);
            await db.SaveChangesAsync(cancellationToken);
        }

        return refusal;
    }

    /// <summary>What stands against a held booking today (null when it still fits).</summary>
    public async Task<Refusal?> RecheckAsync(Booking booking, ResourceRules target, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.PartnerId == booking.PartnerId).ToListAsync(cancellationToken);
        var held = await db.HeldByOthersAsync([booking], booking.Start - Duration.FromDays(1), booking.End + Duration.FromDays(1), cancellationToken);
        return Agreement.Check(agreements, target.Schedule.Space.Id, booking.Start.InZone(target.Schedule.Zone).Date)
            ?? target.Schedule.CheckPartnerBlock(target.Resource, booking.Start, booking.End, clock.GetCurrentInstant(), held).Refusal;
    }

    private sealed record Prepared(ResourceRules Target, BookingSeries? Series, Refusal? Error);

    private async Task<Prepared?> PrepareAsync(int partnerId, SeriesRequest request, CancellationToken cancellationToken)
    {
        var target = await rules.ForResourceAsync(db, request.ResourceId, cancellationToken);
        if (target is null || !target.Resource.Kind.IsBookedInBlocks())
        {
            return null;
        }

        return BookingSeries.Check(request.Days.ToList(), request.Start, request.End, request.FirstDay, request.LastDay) is { } error
            ? new Prepared(target, null, error)
            : new Prepared(target, new BookingSeries(partnerId, request.ResourceId, request.Days, request.Start, request.End,
                request.FirstDay, request.LastDay, clock.GetCurrentInstant()), null);
    }

    private async Task<IReadOnlyList<OccurrencePlan>> PlanAsync(ResourceRules target, BookingSeries series, CancellationToken cancellationToken)
    {
        var zone = target.Schedule.Zone;
        var held = await db.HeldTimesAsync([target.Resource.Id], zone.AtStartOfDay(series.FirstDay).ToInstant(),
            zone.AtStartOfDay(series.LastDay.PlusDays(1)).ToInstant(), cancellationToken);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.PartnerId == series.PartnerId).ToListAsync(cancellationToken);
        return SeriesPlanner.Preview(target.Schedule, target.Resource, series, held, agreements, clock.GetCurrentInstant());
    }
}
