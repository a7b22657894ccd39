using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>
/// A machine out of order: record, change and remove its outages, list the bookings it holds with the
/// slot each would be moved to, and move them (one by one or all at once) or cancel them, each
/// household flagged for a notice. The rules are the domain's; the moves are <see cref="BookingService"/>'s.
/// </summary>
public sealed class OutOfOrderService(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, AuditLog audit, IClock clock)
{
    public sealed record Machine(int Id, string Name, string Space, bool OutNow, string? Until);

    /// <summary>An outage that has not ended; <c>From</c>/<c>Until</c> as a date-time input takes them.</summary>
    public sealed record Outage(int Id, string Machine, string From, string? Until, string FromText, string? UntilText, string Reason, bool Started);

    public sealed record Affected(int BookingId, string Code, string Resource, string When, string? Suggestion);

    /// <summary>How many bookings "move all" moved, and the codes of the households left without a slot.</summary>
    public sealed record MovedAll(int Moved, IReadOnlyList<string> Left);

    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";
    private const string TextFormat = "ddd dd/MM HH:mm";

    public async Task<DateTimeZone> ZoneAsync(CancellationToken cancellationToken) =>
        (await rules.DefaultAsync(db, cancellationToken)).Zone;

    public async Task<IReadOnlyList<Machine>> MachinesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        return site.Spaces.SelectMany(s => s.Resources.Where(r => r.IsActive).Select(r =>
        {
            var current = r.Outages.FirstOrDefault(o => o.IsCurrent(now));
            return new Machine(r.Id, r.Name, s.Name, current is not null, current?.Until?.InZone(site.Zone).ToString("dd/MM HH:mm", null));
        })).ToList();
    }

    /// <summary>Current and planned outages of every machine, earliest first.</summary>
    public async Task<IReadOnlyList<Outage>> OutagesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        string Local(Instant at, string format) => at.InZone(site.Zone).ToString(format, null);
        return site.Spaces.SelectMany(s => s.Resources.Where(r => r.IsActive))
            .SelectMany(r => r.OutagesNotEnded(now).Select(o => (Resource: r, Outage: o)))
            .OrderBy(x => x.Outage.From)
            .Select(x => new Outage(x.Outage.Id, $"{x.Resource.Space.Name} — {x.Resource.Name}", Local(x.Outage.From, InputFormat),
                x.Outage.Until is { } u ? Local(u, InputFormat) : null, Local(x.Outage.From, TextFormat),
                x.Outage.Until is { } t ? Local(t, TextFormat) : null, x.Outage.Reason, x.Outage.From <= now))
            .ToList();
    }

    public async Task<bool> MarkAsync(int resourceId, Instant from, Instant? until, string reason, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.Include(r => r.Outages).SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        resource.MarkOutOfService(from, until, reason);
        audit.Record("resource.out-of-service", $"resource {resource.Id} {resource.Name}", reason);
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return true;
    }

    public Task<OutageChange> EditAsync(int outageId, Instant from, Instant? until, string reason, CancellationToken cancellationToken) =>
        ChangeOutageAsync(outageId, "resource.outage-edit", (r, now) => r.EditOutage(outageId, from, until, reason, now),
            $"{from} → {until?.ToString() ?? "…"} {reason}", cancellationToken);

    public Task<OutageChange> RemoveAsync(int outageId, CancellationToken cancellationToken) =>
        ChangeOutageAsync(outageId, "resource.outage-remove", (r, now) => r.RemoveOutage(outageId, now), null, cancellationToken);

    public async Task<bool> BackInServiceAsync(int resourceId, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.Include(r => r.Outages).SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken);
        if (resource is null)
        {
            return false;
        }

        resource.BackInService(clock.GetCurrentInstant());
        audit.Record("resource.back-in-service", $"resource {resource.Id} {resource.Name}");
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return true;
    }

    /// <summary>The bookings waiting to be moved, in the order they are served, each with the slot a move would give it.</summary>
    public async Task<IReadOnlyList<Affected>> AffectedAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var result = new List<Affected>();
        foreach (var (schedule, plan) in await PlansAsync(site, cancellationToken))
        {
            var ids = plan.Select(p => p.BookingId).ToList();
            var rows = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id))
                .Select(b => new { b.Id, b.ResourceId, b.Start, Code = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault() })
                .ToDictionaryAsync(b => b.Id, cancellationToken);
            string Name(int resourceId) => schedule.Space.Resources.Single(r => r.Id == resourceId).Name;
            result.AddRange(plan.Select(p => new Affected(p.BookingId, rows[p.BookingId].Code ?? "—", Name(rows[p.BookingId].ResourceId),
                rows[p.BookingId].Start.InZone(site.Zone).ToString(TextFormat, null),
                p.To is { } to ? $"{Name(to.ResourceId)} {to.LocalStart.ToString(TextFormat, null)}" : null)));
        }

        return result;
    }

    public async Task<Refusal?> MoveAsync(int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var target = booking is null ? null : await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (booking is null || target is null)
        {
            return new Refusal(Rule.InvalidStatusChange, "Unknown booking.");
        }

        var outcome = await bookings.MoveToNearestAsync(booking, target, cancellationToken);
        return outcome.Refusal;
    }

    /// <summary>
    /// Moves every waiting booking, each in its own transaction with its audit entry and notice (the
    /// same move as <see cref="MoveAsync"/>), in the plan's order so each lands on its own slot.
    /// </summary>
    public async Task<MovedAll> MoveAllAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var waiting = (await PlansAsync(site, cancellationToken)).SelectMany(p => p.Plan).Select(p => p.BookingId).ToList();
        var (moved, left) = (0, new List<int>());
        foreach (var id in waiting)
        {
            if (await MoveAsync(id, cancellationToken) is null)
            {
                moved++;
            }
            else
            {
                left.Add(id);
            }
        }

        var codes = await db.Bookings.AsNoTracking().Where(b => left.Contains(b.Id)).OrderBy(b => b.Start)
            .Select(b => db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault() ?? "—")
            .ToListAsync(cancellationToken);
        return new MovedAll(moved, codes);
    }

    public Task<Refusal?> CancelAsync(int bookingId, CancellationToken cancellationToken) =>
        bookings.CancelBySiteAsync(bookingId, BookedBy.Desk, "booking.cancel-out-of-order", cancellationToken);

    private async Task<List<(Domain.Scheduling.SpaceSchedule Schedule, IReadOnlyList<Domain.Scheduling.PlannedMove> Plan)>> PlansAsync(
        ScheduleCache.SiteRules site, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var plans = new List<(Domain.Scheduling.SpaceSchedule, IReadOnlyList<Domain.Scheduling.PlannedMove>)>();
        foreach (var space in site.Spaces.Where(s => s.Resources.Any(r => r.Outages.Count > 0)))
        {
            var schedule = site.Schedule(space.Id);
            var plan = await bookings.PlanMovesAsync(schedule, now, cancellationToken);
            if (plan.Count > 0)
            {
                plans.Add((schedule, plan));
            }
        }

        return plans;
    }

    private async Task<OutageChange> ChangeOutageAsync(int outageId, string action, Func<Domain.Sites.Resource, Instant, OutageChange> change,
        string? detail, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.Include(r => r.Outages).SingleOrDefaultAsync(r => r.Outages.Any(o => o.Id == outageId), cancellationToken);
        if (resource is null)
        {
            return OutageChange.NotFound;
        }

        var outcome = change(resource, clock.GetCurrentInstant());
        if (outcome == OutageChange.Done)
        {
            audit.Record(action, $"resource {resource.Id} {resource.Name}", detail ?? $"outage {outageId}");
            await db.SaveChangesAsync(cancellationToken);
            rules.Invalidate();
        }

        return outcome;
    }
}
