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
        IReadOnlyList<OpenTimeFact> openTime)
    {
        var inPeriod = bookings.Where(b => period.Contains(b.Time.Start)).ToList();
        var attended = inPeriod.Where(b => b.HouseholdId is not null && b.Attended).ToList();
        var byHousehold = households.ToDictionary(h => h.Id);
        var served = attended.GroupBy(b => b.HouseholdId!.Value).ToList();
        var people = served.Sum(g => g.OrderByDescending(b => b.Time.Start).First().People ?? byHousehold.GetValueOrDefault(g.Key)?.Size ?? 0);
        var visits = attended.Select(b => (b.HouseholdId, b.SpaceId, b.Time.Start.InZone(period.Zone).Date)).Distinct().Count();

        var sessions = inPeriod.Where(b => b.SessionHeld(now)).ToList();
        var mealsBySession = meals.ToDictionary(m => m.BookingId);
        var partners = sessions.GroupBy(b => b.PartnerId!.Value).OrderBy(g => g.Key).Select(g =>
        {
            var reports = g.Select(b => mealsBySession.GetValueOrDefault(b.Id)).OfType<MealsFact>().ToList();
            return new PartnerFigures(g.Key, g.Count(), g.Sum(b => b.Time.Duration.TotalHours), reports.Sum(r => r.Meals), ByKind(reports));
        }).ToList();

        var due = inPeriod.Where(b => b.HouseholdId is not null && (b.Attended || b.Status == BookingStatus.NoShow)).ToList();
        var noShows = due.Count(b => b.Status == BookingStatus.NoShow);
        var late = inPeriod.Count(b => b.Status == BookingStatus.Cancelled && b.CancelledAt is { } at && at > b.Time.Start - b.Notice);

        var unmetInPeriod = unmet.Where(u => u.Day >= period.From && u.Day <= period.To)
            .DistinctBy(u => (u.SpaceId, u.Day, u.HouseholdId)).ToList();

        var (resources, total, heat) = OccupancyOf(period, now, inPeriod, openTime);
        var languages = served.Select(g => byHousehold.GetValueOrDefault(g.Key)?.Language ?? "?").GroupBy(l => l)
            .Select(l => (l.Key, l.Count())).OrderByDescending(l => l.Item2).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();

        return new ImpactFigures(period, served.Count, people,
            served.Count(g => byHousehold.TryGetValue(g.Key, out var h) && period.Contains(h.FirstVisit)),
            visits,
            attended.Count(b => b.Kind == ResourceKind.Washer && b.Status == BookingStatus.Completed),
            attended.Count(b => b.Kind == ResourceKind.Dryer && b.Status == BookingStatus.Completed),
            attended.Count(b => b.SpaceKind == SpaceKind.FamilyKitchen),
            sessions.Count, sessions.Sum(b => b.Time.Duration.TotalHours), partners.Sum(p => p.Meals), partners, ByKind(
                sessions.Select(b => mealsBySession.GetValueOrDefault(b.Id)).OfType<MealsFact>().ToList()),
            noShows, due.Count > 0 ? (double)noShows / due.Count : null, late,
            unmetInPeriod.Count(u => u.Reason == UnmetReason.WaitlistNotServed),
            unmetInPeriod.Count(u => u.Reason == UnmetReason.SlotTaken),
            unmetInPeriod.Count(u => u.Reason == UnmetReason.QuotaReached),
            total, resources, heat, languages);
    }

    private static List<MealCount> ByKind(IEnumerable<MealsFact> reports) =>
        reports.SelectMany(r => r.ByKind).GroupBy(k => k.Kind).Select(k => new MealCount(k.Key, k.Sum(c => c.Count)))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();

    private static (List<ResourceOccupancy>, Occupancy, List<HeatCell>) OccupancyOf(ImpactPeriod period, Instant now,
        List<BookingFact> bookings, IReadOnlyList<OpenTimeFact> openTime)
    {
        var byResource = bookings.Where(b => b.Booked || b.SessionHeld(now)).ToLookup(b => b.ResourceId);
        var heat = new Dictionary<(IsoDayOfWeek, int), (double Open, double Booked)>();
        void Add(Interval time, bool booked, int places)
        {
            for (var hour = time.Start; hour < time.End;)
            {
                var local = hour.InZone(period.Zone);
                var next = Instant.Min(time.End, hour + Duration.FromMinutes(60 - local.Minute) - Duration.FromSeconds(local.Second));
                var key = (local.DayOfWeek, local.Hour);
                var cell = heat.GetValueOrDefault(key);
                var hours = (next - hour).TotalHours;
                heat[key] = booked ? (cell.Open, cell.Booked + hours) : (cell.Open + hours * places, cell.Booked);
                hour = next;
            }
        }

        var rows = new List<ResourceOccupancy>();
        foreach (var resource in openTime)
        {
            var open = resource.Open.Where(o => period.Time.Contains(o.Start)).OrderBy(o => o.Start).ToList();
            var starts = open.Select(o => o.Start).ToArray();
            open.ForEach(o => Add(o, booked: false, resource.Capacity));
            double booked = 0, used = 0;
            // Time booked counts inside opening hours only (a block moved outside them by the rules is not occupancy).
            foreach (var booking in byResource[resource.ResourceId])
            {
                foreach (var part in Within(open, starts, booking.Time))
                {
                    booked += part.Duration.TotalHours;
                    used += booking.Attended || booking.SessionHeld(now) ? part.Duration.TotalHours : 0;
                    Add(part, booked: true, 1);
                }
            }

            rows.Add(new ResourceOccupancy(resource.ResourceId, resource.SpaceId, resource.Resource,
                new Occupancy(open.Sum(o => o.Duration.TotalHours) * resource.Capacity, booked, used,
                    resource.Down.Where(d => period.Time.Contains(d.Start)).Sum(d => d.Duration.TotalHours))));
        }

        var total = new Occupancy(rows.Sum(r => r.Occupancy.OpenHours), rows.Sum(r => r.Occupancy.BookedHours),
            rows.Sum(r => r.Occupancy.UsedHours), rows.Sum(r => r.Occupancy.DowntimeHours));
        var cells = heat.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2)
            .Select(c => new HeatCell(c.Key.Item1, c.Key.Item2, c.Value.Open, c.Value.Booked)).ToList();
        return (rows, total, cells);
    }

    /// <summary>The parts of <paramref name="time"/> inside the open intervals (sorted, not overlapping; found by binary search).</summary>
    private static IEnumerable<Interval> Within(List<Interval> open, Instant[] starts, Interval time)
    {
        var index = Array.BinarySearch(starts, time.Start);
        index = index >= 0 ? index : Math.Max(0, ~index - 1);
        for (var i = index; i < open.Count && open[i].Start < time.End; i++)
        {
            var start = Instant.Max(open[i].Start, time.Start);
            var end = Instant.Min(open[i].End, time.End);
            if (end > start)
            {
                yield return new Interval(start, end);
            }
        }
    }
}
