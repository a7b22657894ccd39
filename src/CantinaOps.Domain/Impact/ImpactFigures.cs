using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>A period of local days, both ends included, in the site's time zone.</summary>
public sealed class ImpactPeriod(LocalDate from, LocalDate to, DateTimeZone zone)
{
    public LocalDate From { get; } = from;
    public LocalDate To { get; } = to;
    public DateTimeZone Zone { get; } = zone;

    /// <summary>Worked out once: every booking and open slot is tested against it.</summary>
    public Interval Time { get; } = new(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

    public int Days => Period.DaysBetween(From, To) + 1;

    /// <summary>The same number of days just before.</summary>
    public ImpactPeriod Previous => new(From.PlusDays(-Days), From.PlusDays(-1), Zone);

    /// <summary>The same dates a year before.</summary>
    public ImpactPeriod YearBefore => new(From.PlusYears(-1), To.PlusYears(-1), Zone);

    public bool Contains(Instant instant) => Time.Contains(instant);
}

public sealed record PartnerFigures(int PartnerId, int Sessions, double Hours, int Meals, IReadOnlyList<MealCount> MealsByKind);

/// <summary>Booked and used time over open time (seat-hours: a two-place resource open one hour offers two).</summary>
public sealed record Occupancy(double OpenHours, double BookedHours, double UsedHours, double DowntimeHours)
{
    public double? BookedRate => OpenHours > 0 ? BookedHours / OpenHours : null;

    public double? UsedRate => OpenHours > 0 ? UsedHours / OpenHours : null;
}

public sealed record ResourceOccupancy(int ResourceId, int SpaceId, string Resource, Occupancy Occupancy);

/// <summary>Booked share of open time by weekday (Monday first) and hour of the day, where the space was ever open.</summary>
public sealed record HeatCell(IsoDayOfWeek Day, int Hour, double OpenHours, double BookedHours)
{
    public double Rate => OpenHours > 0 ? BookedHours / OpenHours : 0;
}

/// <summary>
/// The figures of one period, counted from the booking lifecycle. Each one's definition is written with it
/// on the pages and in the report; these doc comments are the reference.
/// </summary>
public sealed record ImpactFigures(
    ImpactPeriod Period,
    /// <summary>Distinct households with at least one checked-in or completed booking in the period.</summary>
    int HouseholdsServed,
    /// <summary>Sum of the served households' sizes, each once, at its latest visit in the period.</summary>
    int PeopleReached,
    /// <summary>Served households whose first visit ever is in the period.</summary>
    int NewHouseholds,
    /// <summary>Distinct (household, space, day) with a checked-in or completed booking: a wash and its dry are one visit.</summary>
    int Visits,
    int Washes,
    int Dries,
    /// <summary>Family-kitchen bookings checked in or completed.</summary>
    int CookingSessions,
    int PartnerSessions,
    double KitchenHours,
    int Meals,
    IReadOnlyList<PartnerFigures> Partners,
    IReadOnlyList<MealCount> MealsByKind,
    /// <summary>Absences over household bookings whose time came (attended + absent).</summary>
    int NoShows,
    double? NoShowRate,
    /// <summary>Cancellations made after the space's notice before the start.</summary>
    int LateCancellations,
    int UnmetWaitlist,
    int UnmetFull,
    int UnmetQuota,
    Occupancy Occupancy,
    IReadOnlyList<ResourceOccupancy> Resources,
    IReadOnlyList<HeatCell> HeatMap,
    IReadOnlyList<(string Language, int Households)> Languages)
{
    public int UnmetDemand => UnmetWaitlist + UnmetFull + UnmetQuota;

    /// <summary>
    /// The busiest hours: the weekday × hour cells with the highest booked share of their open time (on a tie, the
    /// one with more hours booked, then the earlier in the week); hours nobody booked are never peaks.
    /// </summary>
    public IReadOnlyList<HeatCell> PeakHours(int count = 3) => HeatMap.Where(c => c.OpenHours > 0 && c.BookedHours > 0)
        .OrderByDescending(c => c.Rate).ThenByDescending(c => c.BookedHours).ThenBy(c => c.Day).ThenBy(c => c.Hour).Take(count).ToList();

    /// <summary>A resource's downtime is rising when it was down in this period more than 1.5 times as long as in <paramref name="before"/>.</summary>
    public IEnumerable<ResourceOccupancy> DowntimeRisingSince(ImpactFigures before)
    {
        var earlier = before.Resources.ToDictionary(r => r.ResourceId, r => r.Occupancy.DowntimeHours);
        return Resources.Where(r => r.Occupancy.DowntimeHours > 0 && r.Occupancy.DowntimeHours > 1.5 * earlier.GetValueOrDefault(r.ResourceId));
    }

    /// <summary>Below this many households a breakdown's cell is shown as "&lt; 5" to funders.</summary>
    public const int SmallCell = 5;

    /// <summary>A count as a funder may see it: the number, or null where it would single out fewer than five households.</summary>
    public static int? Suppressed(int households) => households is > 0 and < SmallCell ? null : households;

    /// <param name="now">Partner sessions count once started; a booking still to come counts as nothing yet.</param>
    public static ImpactFigures Compute(ImpactPeriod period, Instant now, IReadOnlyList<BookingFact> bookings,
        IReadOnlyList<HouseholdFact> households, IReadOnlyList<MealsFact> meals, IReadOnlyList<UnmetFact> unmet,
        IReadOnlyList<OpenTimeFact> openTime) =>
        Combine(period, SpaceDay.Of(period.Zone, period.From, period.To, now, bookings, meals, unmet, openTime), households,
            openTime.Select(r => (r.ResourceId, r.SpaceId, r.Resource)).ToList());

    /// <summary>
    /// The figures of a period from its days (days outside it are left out): sums, except households, counted once
    /// each over the whole period with the size recorded at their latest visit in it.
    /// </summary>
    /// <param name="resources">Every resource to report on, in order, with its space and name.</param>
    public static ImpactFigures Combine(ImpactPeriod period, IEnumerable<SpaceDay> days, IReadOnlyList<HouseholdFact> households,
        IReadOnlyList<(int Id, int SpaceId, string Name)> resources)
    {
        // Plain loops: a year is a thousand days and two hundred thousand visits, added up for every period shown.
        var byHousehold = households.ToDictionary(h => h.Id);
        var served = new Dictionary<int, DayVisit>();
        var sessions = new List<HeldSession>();
        var spent = new Dictionary<int, (double Open, double Booked, double Used, double Down)>();
        var heat = new Dictionary<(IsoDayOfWeek, int), (double Open, double Booked)>();
        int visits = 0, washes = 0, dries = 0, cooking = 0, noShows = 0, due = 0, late = 0, waitlist = 0, full = 0, quota = 0;
        foreach (var day in days)
        {
            if (day.Day < period.From || day.Day > period.To)
            {
                continue;
            }

            foreach (var visit in day.Visits)
            {
                if (!served.TryGetValue(visit.HouseholdId, out var seen) || visit.Last > seen.Last)
                {
                    served[visit.HouseholdId] = visit;
                }
            }

            foreach (var resource in day.Resources)
            {
                var sum = spent.GetValueOrDefault(resource.ResourceId);
                spent[resource.ResourceId] = (sum.Open + resource.Open, sum.Booked + resource.Booked, sum.Used + resource.Used, sum.Down + resource.Down);
            }

            foreach (var hour in day.Hours)
            {
                var cell = heat.GetValueOrDefault((hour.Day, hour.Hour));
                heat[(hour.Day, hour.Hour)] = (cell.Open + hour.Open, cell.Booked + hour.Booked);
            }

            sessions.AddRange(day.Sessions);
            visits += day.Visits.Count;
            (washes, dries, cooking) = (washes + day.Washes, dries + day.Dries, cooking + day.CookingSessions);
            (noShows, due, late) = (noShows + day.NoShows, due + day.Due, late + day.LateCancellations);
            (waitlist, full, quota) = (waitlist + day.UnmetWaitlist, full + day.UnmetFull, quota + day.UnmetQuota);
        }

        var people = served.Values.Sum(v => v.People ?? byHousehold.GetValueOrDefault(v.HouseholdId)?.Size ?? 0);
        var partners = sessions.GroupBy(s => s.PartnerId).OrderBy(g => g.Key).Select(g =>
        {
            var reports = g.Select(s => s.Meals).OfType<MealsFact>().ToList();
            return new PartnerFigures(g.Key, g.Count(), g.Sum(s => s.Hours), reports.Sum(r => r.Meals), ByKind(reports));
        }).ToList();
        var rows = resources.Select(r => spent.TryGetValue(r.Id, out var h)
            ? new ResourceOccupancy(r.Id, r.SpaceId, r.Name, new Occupancy(h.Open, h.Booked, h.Used, h.Down))
            : new ResourceOccupancy(r.Id, r.SpaceId, r.Name, new Occupancy(0, 0, 0, 0))).ToList();
        var total = new Occupancy(rows.Sum(r => r.Occupancy.OpenHours), rows.Sum(r => r.Occupancy.BookedHours),
            rows.Sum(r => r.Occupancy.UsedHours), rows.Sum(r => r.Occupancy.DowntimeHours));
        var cells = heat.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2)
            .Select(c => new HeatCell(c.Key.Item1, c.Key.Item2, c.Value.Open, c.Value.Booked)).ToList();
        var languages = served.Keys.Select(h => byHousehold.GetValueOrDefault(h)?.Language ?? "?").GroupBy(l => l)
            .Select(l => (l.Key, l.Count())).OrderByDescending(l => l.Item2).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();

        return new ImpactFigures(period, served.Count, people,
            served.Keys.Count(h => byHousehold.TryGetValue(h, out var household) && period.Contains(household.FirstVisit)),
            visits, washes, dries, cooking, sessions.Count, sessions.Sum(s => s.Hours), partners.Sum(p => p.Meals), partners,
            ByKind(sessions.Select(s => s.Meals).OfType<MealsFact>().ToList()),
            noShows, due > 0 ? (double)noShows / due : null, late, waitlist, full, quota, total, rows, cells, languages);
    }

    private static List<MealCount> ByKind(IEnumerable<MealsFact> reports) =>
        reports.SelectMany(r => r.ByKind).GroupBy(k => k.Kind).Select(k => new MealCount(k.Key, k.Sum(c => c.Count)))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
}
