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
public sealed class WeekModel(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, IClock clock) : PageModel
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

    /// <summary>Bookings of the week that no slot shows (outside today's hours or on a closed day): still to be seen.</summary>
    public IReadOnlyList<string> OffGrid { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? space, string? week, CancellationToken cancellationToken)
    {
        Spaces = await db.Spaces.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new SpaceChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        Space = space is null ? (Spaces.Count > 0 ? Spaces[0] : null) : Spaces.FirstOrDefault(s => s.Id == space);
        if (Space is null)
        {
            return space is null ? Page() : NotFound();
        }

        var site = await rules.DefaultAsync(db, cancellationToken);
        var zone = site.Zone;
        var day = DateWindow.ParseDate(week) ?? zone.Today(clock.GetCurrentInstant());
        Monday = day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

        var result = (await availability.RunAsync(site.SiteId, Monday, 7, s => s.Id == Space.Id, cancellationToken)).Single();
        var resources = result.Space.Resources.Where(r => r.IsActive).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Resources = resources.Select(r => r.Name).ToList();
        var labels = await db.HeldLabelsAsync(resources.Select(r => r.Id).ToList(), zone, zone.AtStartOfDay(Monday).ToInstant(),
            zone.AtStartOfDay(Monday.PlusWeeks(1)).ToInstant(), markCheckedIn: true, cancellationToken);

        Days = result.Slots.GroupBy(s => s.Slot.LocalStart.Date).OrderBy(g => g.Key).Select(g => new Day(g.Key,
            g.GroupBy(s => s.Slot.LocalStart.TimeOfDay).OrderBy(t => t.Key).Select(t =>
            {
                var byResource = t.GroupBy(s => s.Slot.ResourceId).ToDictionary(s => s.Key, s => s.First());
                return new Row(t.Key.ToString("HH:mm", null), resources.Select(r => byResource.TryGetValue(r.Id, out var a)
                    ? new Cell(a.Free, a.OutOfService, a.Free ? null : labels.For(a.Slot))
                    : null).ToList());
            }).ToList())).ToList();
        var names = resources.ToDictionary(r => r.Id, r => r.Name);
        OffGrid = labels.Outside(result.Slots.Select(s => s.Slot)).Select(h =>
            $"{h.Text} · {names[h.ResourceId]} · {h.Start.InZone(zone).ToDateTimeUnspecified():dddd d MMMM HH:mm}–{h.End.InZone(zone):HH:mm}").ToList();
        return Page();
    }
}
