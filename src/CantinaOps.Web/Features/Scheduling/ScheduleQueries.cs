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

    /// <summary>No booking lasts longer than this (slots and blocks stay within a day).</summary>
    private static readonly Duration LongestBooking = Duration.FromDays(1);

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
