using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Desk;

/// <summary>One space's week: for each day, its slots (rows) by resource (columns), free or taken.</summary>
public sealed class WeekModel(CantinaOpsDb db, AvailabilityQuery availability, IClock clock) : PageModel
{
    public sealed record SpaceChoice(int Id, string Name);

    public sealed record Cell(bool Free, bool OutOfService, string? Label);

    public sealed record Row(string Time, IReadOnlyList<Cell?> Cells);

    public sealed record Day(LocalDate Date, IReadOnlyList<Row> Rows);

    public IReadOnlyList<SpaceChoice> Spaces { get; private set; } = [];
    public SpaceChoice? Space { get; private set; }
    public IReadOnlyList<string> Resources { get; private set; } = [];
    public IReadOnlyList<Day> Days { get; private set; } = [];
    public LocalDate Monday { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? space, string? week, CancellationToken cancellationToken)
    {
        Spaces = await db.Spaces.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new SpaceChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        Space = space is null ? (Spaces.Count > 0 ? Spaces[0] : null) : Spaces.FirstOrDefault(s => s.Id == space);
        if (Space is null)
        {
            return space is null ? Page() : NotFound();
        }

        var siteId = await db.Spaces.Where(s => s.Id == Space.Id).Select(s => s.SiteId).SingleAsync(cancellationToken);
        var zoneId = await db.Sites.Where(s => s.Id == siteId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken);
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var day = week is not null && LocalDatePattern.Iso.Parse(week) is { Success: true } parsed
            ? parsed.Value
            : zone.Today(clock.GetCurrentInstant());
        Monday = day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

        var result = (await availability.RunAsync(siteId, Monday, 7, s => s.Id == Space.Id, cancellationToken)).Single();
        var resources = result.Space.Resources.Where(r => r.IsActive).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Resources = resources.Select(r => r.Name).ToList();
        var labels = await LabelsAsync(resources.Select(r => r.Id).ToList(), result.Schedule.Zone, cancellationToken);

        Days = result.Slots.GroupBy(s => s.Slot.LocalStart.Date).OrderBy(g => g.Key).Select(g => new Day(g.Key,
            g.GroupBy(s => s.Slot.LocalStart.TimeOfDay).OrderBy(t => t.Key).Select(t => new Row(
                t.Key.ToString("HH:mm", null),
                resources.Select(r => t.FirstOrDefault(s => s.Slot.ResourceId == r.Id) is { } a
                    ? new Cell(a.Free, a.OutOfService, a.Free ? null : labels.GetValueOrDefault((r.Id, a.Slot.Start)))
                    : null).ToList())).ToList())).ToList();
        return Page();
    }

    /// <summary>Household codes (never names) and partner names of the bookings held this week.</summary>
    private async Task<Dictionary<(int, Instant), string>> LabelsAsync(List<int> resourceIds, DateTimeZone zone,
        CancellationToken cancellationToken)
    {
        var from = zone.AtStartOfDay(Monday).ToInstant();
        var to = zone.AtStartOfDay(Monday.PlusWeeks(1)).ToInstant();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.HeldFrom != null && resourceIds.Contains(b.ResourceId) && b.Start >= from && b.Start < to)
            .Select(b => new
            {
                b.ResourceId,
                b.Start,
                Code = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == b.PartnerId).Select(p => p.Name).FirstOrDefault(),
                b.Status,
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ResourceId, r.Start)).ToDictionary(g => g.Key, g => string.Join(", ",
            g.Select(r => (r.Code ?? r.Partner ?? "?") + (r.Status == BookingStatus.CheckedIn ? " ✓" : string.Empty))));
    }
}
