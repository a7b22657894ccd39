using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>What the desk sees of today: arrivals in order and, per space, every resource's slots.</summary>
public sealed class TodayBoard(CantinaOpsDb db, AvailabilityQuery availability, WalkInPolicy walkIn, IClock clock)
{
    /// <param name="Stranded">Held on a machine out of order: waiting for the desk to move or cancel it.</param>
    /// <param name="Undoable">The desk's last action on it can still be taken back (<see cref="Booking.CanBeUndone"/>).</param>
    public sealed record Arrival(int BookingId, string Time, string Resource, string? Code, int? Size, string? Language,
        string? Partner, BookingStatus Status, bool Started, bool Past, bool Stranded, bool Undoable);

    /// <summary>
    /// What a cell of the grid offers. A free place that the booking rules no longer accept for a walk-in (past
    /// its slot's end minus the desk's margin) is <see cref="TooLate"/>: still free, never shown as booked. A free
    /// time of the professional kitchen is <see cref="FreeForPartners"/>: partners ask for it from their own page.
    /// </summary>
    public enum CellState
    {
        Bookable,
        FreeForPartners,
        TooLate,
        Taken,
        OutOfService,
    }

    public sealed record Cell(int ResourceId, string Start, CellState State, string? Label);

    public sealed record SpaceGrid(int SpaceId, string Name, IReadOnlyList<string> Resources,
        IReadOnlyList<(string Time, IReadOnlyList<Cell?> Cells)> Rows);

    public sealed record ToTell(long DispatchId, string Code, string What, bool Unconfirmed);

    public sealed record View(LocalDate Today, IReadOnlyList<Arrival> Arrivals, IReadOnlyList<SpaceGrid> Spaces, IReadOnlyList<ToTell> ToTellInPerson);

    public async Task<View> LoadAsync(CancellationToken cancellationToken)
    {
        var siteId = await availability.DefaultSiteIdAsync(cancellationToken);
        var spaces = await availability.RunAsync(siteId, null, 1, _ => true, cancellationToken);
        var zone = spaces.Count > 0 ? spaces[0].Schedule.Zone : DateTimeZone.Utc;
        var now = clock.GetCurrentInstant();
        var today = zone.Today(now);
        var from = zone.AtStartOfDay(today).ToInstant();
        var to = zone.AtStartOfDay(today.PlusDays(1)).ToInstant();
        var resources = spaces.SelectMany(s => s.Space.Resources).ToDictionary(r => r.Id);

        // A cancellation stays on the board while it can be undone, so the desk finds its "undo" where the row was.
        var undoSince = now - Booking.UndoWindow;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Start >= from && b.Start < to && (b.Status != BookingStatus.Cancelled || b.CancelledAt >= undoSince))
            .Select(b => new
            {
                b.Id,
                b.ResourceId,
                b.Start,
                b.End,
                b.Status,
                b.HeldFrom,
                Booking = b,
                Household = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => new { h.Code, h.Size, h.Language }).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == b.PartnerId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Next arrivals first: what has not ended, by start; then what is over.
        var arrivals = rows
            .OrderBy(r => r.End <= now || r.Status is BookingStatus.Completed or BookingStatus.NoShow or BookingStatus.Cancelled)
            .ThenBy(r => r.Start)
            .Select(r => new Arrival(r.Id, r.Start.InZone(zone).ToString("HH:mm", null), resources.GetValueOrDefault(r.ResourceId)?.Name ?? "?",
                r.Household?.Code, r.Household?.Size, r.Household?.Language, r.Partner, r.Status, r.Start <= now, r.End <= now,
                resources.GetValueOrDefault(r.ResourceId)?.Strands(r.Status, new Interval(r.Start, r.End), now) == true,
                r.Booking.CanBeUndone(now)))
            .ToList();

        var labels = new HeldLabels(zone, rows.Where(r => r.HeldFrom != null)
            .Select(r => new HeldLabel(r.ResourceId, r.Start, r.End, r.Household?.Code ?? r.Partner ?? "?")));
        var grids = spaces.Select(s =>
        {
            var columns = s.Space.Resources.Where(r => r.IsActive).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var gridRows = s.Slots.Where(a => a.Slot.End > now).GroupBy(a => a.Slot.LocalStart.TimeOfDay).OrderBy(g => g.Key)
                .Select(g =>
                {
                    var byResource = g.GroupBy(a => a.Slot.ResourceId).ToDictionary(a => a.Key, a => a.First());
                    return (g.Key.ToString("HH:mm", null), (IReadOnlyList<Cell?>)columns.Select(r => byResource.TryGetValue(r.Id, out var a)
                        ? new Cell(r.Id, a.Slot.LocalStart.ToString("yyyy-MM-dd'T'HH:mm", null), State(s.Schedule, r, a, now), labels.For(a.Slot))
                        : null).ToList());
                })
                .ToList();
            return new SpaceGrid(s.Space.Id, s.Space.Name, columns.Select(r => r.Name).ToList(), gridRows);
        }).ToList();

        var toTell = await db.Set<Messaging.Dispatch>().AsNoTracking()
            .Where(d => d.HouseholdId != null && (d.Status == Messaging.DispatchStatus.ToTellInPerson || d.Status == Messaging.DispatchStatus.Unconfirmed))
            .OrderBy(d => d.DueAt).Take(100)
            .Select(d => new ToTell(d.Id, db.Households.Where(h => h.Id == d.HouseholdId).Select(h => h.Code).First(), d.Topic,
                d.Status == Messaging.DispatchStatus.Unconfirmed))
            .ToListAsync(cancellationToken);
        return new View(today, arrivals, grids, toTell);
    }

    // Whether a free place can still be given is the booking rules' call (the desk's walk-in rule), not the board's.
    private CellState State(SpaceSchedule schedule, Domain.Sites.Resource resource, SlotAvailability slot, Instant now) =>
        slot.OutOfService ? CellState.OutOfService
        : !slot.Free ? CellState.Taken
        : resource.Kind.IsBookedInBlocks() ? CellState.FreeForPartners
        : schedule.CheckWalkIn(resource, slot.Slot, now, BookedBy.Desk, walkIn) is null ? CellState.Bookable
        : CellState.TooLate;
}
