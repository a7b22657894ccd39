using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Scheduling;

/// <summary>Every slot of every resource of a site (optionally one space) over a run of days.</summary>
public sealed class AvailabilityQuery(CantinaOpsDb db, ScheduleCache rules, IClock clock)
{
    public sealed record SpaceAvailability(Space Space, SpaceSchedule Schedule, IReadOnlyList<SlotAvailability> Slots);

    /// <param name="firstDay">Null for today at the site.</param>
    public async Task<IReadOnlyList<SpaceAvailability>> RunAsync(int siteId, LocalDate? firstDay, int days,
        Func<Space, bool> includeSpace, CancellationToken cancellationToken)
    {
        var site = await rules.GetAsync(db, siteId, cancellationToken);
        var zone = site.Zone;
        var from = firstDay ?? zone.Today(clock.GetCurrentInstant());
        var start = zone.AtStartOfDay(from).ToInstant();
        var end = zone.AtStartOfDay(from.PlusDays(days + 1)).ToInstant();
        var spaces = site.Spaces.Where(includeSpace).OrderBy(s => s.Kind).ThenBy(s => s.Name).ToList();

        var resourceIds = spaces.SelectMany(s => s.Resources).Select(r => r.Id).ToList();
        var held = await db.HeldTimesAsync(resourceIds, start, end, cancellationToken);
        return spaces.Select(space =>
        {
            var schedule = site.Schedule(space.Id);
            return new SpaceAvailability(space, schedule, schedule.Availability(from, days, held));
        }).ToList();
    }

    public Task<int> DefaultSiteIdAsync(CancellationToken cancellationToken) => rules.DefaultSiteIdAsync(db, cancellationToken);
}
