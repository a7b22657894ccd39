using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>
/// A machine out of order: record the outage, list the bookings it holds with the nearest equivalent
/// slot for each, and move or cancel them one by one, each household flagged for a notice.
/// </summary>
public sealed class OutOfOrderService(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, AuditLog audit, IClock clock)
{
    public sealed record Machine(int Id, string Name, string Space, bool OutNow, string? Until, int? OutageId);

    public sealed record Affected(int BookingId, string Code, string Resource, string When, string? Suggestion);

    public async Task<DateTimeZone> ZoneAsync(CancellationToken cancellationToken) =>
        (await rules.DefaultAsync(db, cancellationToken)).Zone;

    public async Task<IReadOnlyList<Machine>> MachinesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        return site.Spaces.SelectMany(s => s.Resources.Where(r => r.IsActive).Select(r =>
        {
            var current = r.Outages.FirstOrDefault(o => o.IsCurrent(now));
            return new Machine(r.Id, r.Name, s.Name, current is not null,
                current?.Until?.InZone(site.Zone).ToString("dd/MM HH:mm", null), current?.Id);
        })).ToList();
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

    /// <summary>Confirmed future bookings that fall in an outage of their machine, with where each could go.</summary>
    public async Task<IReadOnlyList<Affected>> AffectedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        var broken = site.Spaces.SelectMany(s => s.Resources).Where(r => r.Outages.Count > 0).ToList();
        var result = new List<Affected>();
        foreach (var resource in broken)
        {
            var candidates = await db.Bookings.AsNoTracking()
                .Where(b => b.ResourceId == resource.Id && b.Status == BookingStatus.Confirmed && b.End > now)
                .OrderBy(b => b.Start)
                .Select(b => new { b.Id, b.Start, b.End, Code = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            var schedule = site.Schedule(resource.SpaceId);
            foreach (var b in candidates.Where(b => resource.IsOutOfServiceDuring(new Interval(b.Start, b.End))))
            {
                var held = (await db.HeldTimesAsync(schedule.Space.Resources.Select(r => r.Id).ToList(), b.Start - Duration.FromDays(7),
                    b.Start + Duration.FromDays(8), cancellationToken)).Where(h => !(h.ResourceId == resource.Id && h.Start == b.Start));
                var own = new Domain.Scheduling.Slot(resource.Id, b.Start.InZone(site.Zone).LocalDateTime, b.End.InZone(site.Zone).LocalDateTime, b.Start, b.End);
                var alternative = schedule.NearestAlternative(resource, own, now, held);
                var name = alternative is null ? null : schedule.Space.Resources.Single(r => r.Id == alternative.ResourceId).Name;
                result.Add(new Affected(b.Id, b.Code ?? "—", resource.Name, b.Start.InZone(site.Zone).ToString("ddd dd/MM HH:mm", null),
                    alternative is null ? null : $"{name} {alternative.LocalStart:ddd dd/MM HH:mm}"));
            }
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

    public Task<Refusal?> CancelAsync(int bookingId, CancellationToken cancellationToken) =>
        bookings.CancelBySiteAsync(bookingId, BookedBy.Desk, "booking.cancel-out-of-order", cancellationToken);
}
