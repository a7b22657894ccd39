using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Scheduling;

/// <summary>Loads what <see cref="SpaceSchedule"/> needs: a space with its site's rules, resources and outages.</summary>
internal static class ScheduleQueries
{
    /// <param name="since">Outages that ended and closures that finished before this are not loaded.</param>
    public static IQueryable<Space> SpacesWithRules(this CantinaOpsDb db, Instant since)
    {
        var fromDay = since.InUtc().Date.PlusDays(-1);
        return db.Spaces
            .Include(s => s.OpeningHours)
            .Include(s => s.Resources).ThenInclude(r => r.Outages.Where(o => o.Until == null || o.Until > since))
            .Include(s => s.Site).ThenInclude(s => s.Closures.Where(c => c.LastDay >= fromDay))
            .Include(s => s.Site).ThenInclude(s => s.SlotLengths)
            .Include(s => s.Site).ThenInclude(s => s.QuotaTiers)
            .AsSplitQuery();
    }

    /// <summary>
    /// What to write in the held slots of some resources: household codes (never names) and partner
    /// names; optionally a ✓ after those already checked in.
    /// </summary>
    public static async Task<HeldLabels> HeldLabelsAsync(this CantinaOpsDb db,
        IReadOnlyCollection<int> resourceIds, DateTimeZone zone, Instant from, Instant to, bool markCheckedIn, CancellationToken cancellationToken)
    {
        // HeldFrom equals Start while a booking holds its slot: bounding it lets SQLite seek each resource's week in the
        // (ResourceId, HeldFrom) index, where "HeldFrom not null" alone walked every resource's whole history.
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => resourceIds.Contains(b.ResourceId) && b.HeldFrom >= from && b.HeldFrom < to && b.Start >= from && b.Start < to)
            .Select(b => new
            {
                b.ResourceId,
                b.Start,
                b.End,
                Code = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == b.PartnerId).Select(p => p.Name).FirstOrDefault(),
                b.Status,
            })
            .ToListAsync(cancellationToken);
        return new HeldLabels(zone, rows.Select(r => new HeldLabel(r.ResourceId, r.Start, r.End,
            (r.Code ?? r.Partner ?? "?") + (markCheckedIn && r.Status == CantinaOps.Domain.Bookings.BookingStatus.CheckedIn ? " ✓" : string.Empty))));
    }

    /// <summary>A household's bookings in one ISO week against its quota, per space it can book.</summary>
    public sealed record WeekUsage(Space Space, int Used, int? Limit);

    public sealed record WeekBooking(int Id, int ResourceId, Instant Start, Instant End);

    public static async Task<IReadOnlyList<WeekUsage>> WeekUsageAsync(this CantinaOpsDb db, ScheduleCache.SiteRules site,
        CantinaOps.Domain.Households.Household household, Instant inWeek, CancellationToken cancellationToken)
    {
        var week = await db.WeekBookingsAsync(site.Zone, household.Id, inWeek, cancellationToken);
        var policy = new QuotaPolicy(site.Site?.QuotaTiers ?? []);
        return site.Spaces.Where(s => s.Kind != SpaceKind.ProfessionalKitchen).OrderBy(s => s.Kind).Select(s =>
            new WeekUsage(s, QuotaPolicy.Counted(site.QuotaWeek(s.Kind, week), site.Zone), policy.WeeklyLimit(s.Kind, household.Size))).ToList();
    }

    /// <summary>
    /// A household's bookings in the ISO week of <paramref name="inWeek"/> that count toward its quota (every
    /// booking not cancelled: an absence used its place). The one weekly count, for booking, waitlist wishes and
    /// what pages show; <see cref="QuotaWeek"/> keeps those of one space kind, and the domain counts them.
    /// </summary>
    public static Task<List<WeekBooking>> WeekBookingsAsync(this CantinaOpsDb db, DateTimeZone zone, int householdId, Instant inWeek,
        CancellationToken cancellationToken)
    {
        var week = zone.IsoWeekOf(inWeek);
        return db.Bookings.AsNoTracking()
            .Where(b => b.HouseholdId == householdId && b.Start >= week.Start && b.Start < week.End
                && b.Status != CantinaOps.Domain.Bookings.BookingStatus.Cancelled)
            .Select(b => new WeekBooking(b.Id, b.ResourceId, b.Start, b.End)).ToListAsync(cancellationToken);
    }

    /// <summary>The bookings of a week on resources of spaces of one kind, as the quota sees them.</summary>
    public static IReadOnlyCollection<QuotaUse> QuotaWeek(this ScheduleCache.SiteRules site, SpaceKind kind, IEnumerable<WeekBooking> week,
        int? except = null)
    {
        var ofKind = site.ResourcesOfKind(kind);
        return week.Where(b => ofKind.Contains(b.ResourceId) && b.Id != except)
            .Select(b => new QuotaUse(site.Resource(b.ResourceId)!.Value.Resource.Kind, new Interval(b.Start, b.End))).ToList();
    }

    /// <summary>No booking lasts longer than this (slots and blocks stay within a day).</summary>
    private static readonly Duration LongestBooking = Duration.FromDays(1);

    /// <summary>
    /// The times held on a booking's resource around it by every booking but those being changed, so that a
    /// booking being moved or re-checked does not stand in its own way. A held time is known by its resource,
    /// start and place, which the unique index makes one booking's.
    /// </summary>
    public static async Task<List<HeldTime>> HeldByOthersAsync(this CantinaOpsDb db, IReadOnlyCollection<CantinaOps.Domain.Bookings.Booking> changing,
        Instant from, Instant to, CancellationToken cancellationToken)
    {
        var own = changing.Where(b => b.HeldFrom is not null).Select(b => (b.ResourceId, b.HeldFrom!.Value, b.Seat)).ToHashSet();
        var resources = changing.Select(b => b.ResourceId).Distinct().ToList();
        return (await db.HeldTimesAsync(resources, from, to, cancellationToken))
            .Where(h => !own.Contains((h.ResourceId, h.Start, h.Seat))).ToList();
    }

    /// <summary>The times held on some resources that overlap [from, to).</summary>
    public static async Task<List<HeldTime>> HeldTimesAsync(this CantinaOpsDb db, IReadOnlyCollection<int> resourceIds,
        Instant from, Instant to, CancellationToken cancellationToken)
    {
        // A bounded range on Start lets SQLite walk the (Start, ResourceId) index instead of a
        // resource's whole history; the resource filter is then applied to the few rows in range.
        var earliestStart = from - LongestBooking;
        var query = db.Bookings.AsNoTracking()
            .Where(b => b.HeldFrom != null && b.Start >= earliestStart && b.Start < to && b.End > from);
        if (resourceIds.Count == 1)
        {
            var only = resourceIds.First();
            query = query.Where(b => b.ResourceId == only);
        }

        var rows = await query.Select(b => new HeldTime(b.ResourceId, b.Start, b.End, b.Seat)).ToListAsync(cancellationToken);
        var wanted = resourceIds.ToHashSet();
        return rows.Where(h => wanted.Contains(h.ResourceId)).ToList();
    }
}

/// <summary>One booking held on a resource, with what to write for it (a household code, a partner's name).</summary>
public readonly record struct HeldLabel(int ResourceId, Instant Start, Instant End, string Text);

/// <summary>
/// Matches held bookings to the slots of a grid, for every page that draws one (week page, board, plans).
/// A booking is found by overlap, not by its start: one made on an earlier grid (before the slot length
/// changed from 60 to 90 minutes) still shows with its code, followed by its own times.
/// </summary>
public sealed class HeldLabels(DateTimeZone zone, IEnumerable<HeldLabel> held)
{
    private readonly Dictionary<int, HeldLabel[]> _byResource = held.GroupBy(h => h.ResourceId)
        .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Start).ToArray());

    /// <summary>Every booking overlapping the slot, comma-separated; null when none.</summary>
    public string? For(Slot slot)
    {
        var texts = (_byResource.GetValueOrDefault(slot.ResourceId) ?? [])
            .Where(h => slot.Overlaps(h.Start, h.End))
            .Select(h => h.Start == slot.Start && h.End == slot.End
                ? h.Text
                : $"{h.Text} ({h.Start.InZone(zone).ToString("HH:mm", null)}–{h.End.InZone(zone).ToString("HH:mm", null)})")
            .ToList();
        return texts.Count == 0 ? null : string.Join(", ", texts);
    }

    /// <summary>The bookings no slot of the grid overlaps (hours cut or a day closed since they were made).</summary>
    public IEnumerable<HeldLabel> Outside(IEnumerable<Slot> grid)
    {
        var slots = grid.ToLookup(s => s.ResourceId);
        return _byResource.Values.SelectMany(h => h).Where(h => !slots[h.ResourceId].Any(s => s.Overlaps(h.Start, h.End))).OrderBy(h => h.Start);
    }
}
