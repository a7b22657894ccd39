using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>What the household's page lists: its coming bookings, its latest past ones and its open waitlist wishes.</summary>
public sealed class HouseholdHistory(CantinaOpsDb db, ScheduleCache rules, IClock clock)
{
    public sealed record Line(int Id, LocalDateTime Start, string Resource, BookingStatus Status);

    public sealed record Wish(string Space, LocalDate Day);

    public sealed record View(IReadOnlyList<Line> Coming, IReadOnlyList<Line> Past, IReadOnlyList<Wish> Wishes);

    public const int PastShown = 20;

    public async Task<View> LoadAsync(int householdId, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var now = clock.GetCurrentInstant();
        var rows = await db.Bookings.AsNoTracking().Where(b => b.HouseholdId == householdId)
            .OrderByDescending(b => b.Start).Take(200)
            .Select(b => new { b.Id, b.Start, b.End, b.Status, Resource = db.Resources.Where(r => r.Id == b.ResourceId).Select(r => r.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var coming = rows.Where(r => r.End > now && r.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn).ToList();
        Line ToLine(int id, Instant start, string? resource, BookingStatus status) => new(id, start.InZone(site.Zone).LocalDateTime, resource ?? "?", status);

        var today = site.Zone.Today(now);
        var spaces = site.AllSpaces.ToDictionary(s => s.Id, s => s.Name);
        var wishes = await db.Waitlist.AsNoTracking().Where(w => w.HouseholdId == householdId && w.ClosedAt == null && w.Day >= today)
            .OrderBy(w => w.Day).Select(w => new { w.SpaceId, w.Day }).ToListAsync(cancellationToken);
        return new View(
            coming.OrderBy(r => r.Start).Select(r => ToLine(r.Id, r.Start, r.Resource, r.Status)).ToList(),
            rows.Except(coming).Take(PastShown).Select(r => ToLine(r.Id, r.Start, r.Resource, r.Status)).ToList(),
            wishes.Select(w => new Wish(spaces.GetValueOrDefault(w.SpaceId) ?? "?", w.Day)).ToList());
    }
}
