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

    /// <summary>
    /// Everything <see cref="Of"/> reads, written out: the site's zone, slot lengths and closures, each space's
    /// opening hours and each resource with its outages. Open time counted under one fingerprint stays true
    /// as long as the fingerprint is the same.
    /// </summary>
    public static string Fingerprint(IEnumerable<Space> spaces)
    {
        var text = new System.Text.StringBuilder();
        foreach (var space in spaces.OrderBy(s => s.Id))
        {
            var site = space.Site;
            text.Append($"S{space.Id}:{space.Kind}:{site.TimeZoneId}|");
            foreach (var length in site.SlotLengths.OrderBy(l => l.Kind))
            {
                text.Append($"L{length.Kind}={length.Length.TotalMinutes}|");
            }

            foreach (var closure in site.Closures.OrderBy(c => c.Id))
            {
                text.Append($"C{closure.Id}:{closure.SpaceId}:{closure.FirstDay}:{closure.LastDay}|");
            }

            foreach (var day in Enum.GetValues<IsoDayOfWeek>())
            {
                foreach (var range in space.RangesOn(day))
                {
                    text.Append($"O{day}:{range.Opens}-{range.Closes}|");
                }
            }

            foreach (var resource in space.Resources.OrderBy(r => r.Id))
            {
                text.Append($"R{resource.Id}:{resource.Kind}:{resource.Capacity}:{resource.IsActive}:{resource.Name}|");
                foreach (var outage in resource.Outages.OrderBy(o => o.Id))
                {
                    text.Append($"X{outage.Id}:{outage.From}:{outage.Until}|");
                }
            }
        }

        return text.ToString();
    }
}
