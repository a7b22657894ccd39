using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>
/// When a resource could be used: its slots (opening hours, closed days left out) minus the time it was out
/// of service. Downtime is counted within opening hours only — a machine broken overnight costs nobody.
/// </summary>
public static class OpenTime
{
    public static OpenTimeFact Of(SpaceSchedule schedule, Resource resource, LocalDate from, LocalDate to)
    {
        var open = new List<Interval>();
        var down = new List<Interval>();
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            foreach (var slot in schedule.SlotsOn(resource, day))
            {
                var time = new Interval(slot.Start, slot.End);
                // A slot even partly out of service could not be booked: all of it is downtime, none of it open.
                if (resource.Outages.Any(o => o.Overlaps(time)))
                {
                    down.Add(time);
                    continue;
                }

                open.Add(time);
            }
        }

        return new OpenTimeFact(resource.Id, resource.SpaceId, resource.Name, open, resource.Capacity, down);
    }
}
