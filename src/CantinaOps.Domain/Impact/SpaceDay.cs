using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>A household that came to a space on a day: its first and latest booking's start, and the size recorded at the latest.</summary>
public readonly record struct DayVisit(int HouseholdId, int? People, Instant First, Instant Last);

/// <summary>A partner's session held on the day, with its meals report once declared.</summary>
public sealed record HeldSession(int BookingId, int PartnerId, double Hours, MealsFact? Meals);

/// <summary>A resource's hours on the day (seat-hours for the open ones).</summary>
public readonly record struct ResourceDay(int ResourceId, double Open, double Booked, double Used, double Down);

/// <summary>Open and booked hours falling in one hour of a weekday (a heat-map cell's share of one day).</summary>
public readonly record struct HourShare(IsoDayOfWeek Day, int Hour, double Open, double Booked);

/// <summary>
/// What one space did on one local day: everything a period's figures add up, counted once from that day's
/// facts by <see cref="Of"/>. A period's figures are the sum of its days (<see cref="ImpactFigures.Combine"/>),
/// so a year is counted from 365 small records instead of every booking, and a day already counted is not
/// counted again until something of it changes.
/// </summary>
/// <param name="HouseholdBooked">Household bookings that held their time (absences included): the forecast's booked demand.</param>
public sealed record SpaceDay(LocalDate Day, int SpaceId, IReadOnlyList<DayVisit> Visits, int Washes, int Dries, int CookingSessions,
    IReadOnlyList<HeldSession> Sessions, int NoShows, int Due, int LateCancellations, int HouseholdBooked,
    int UnmetWaitlist, int UnmetFull, int UnmetQuota, IReadOnlyList<ResourceDay> Resources, IReadOnlyList<HourShare> Hours)
{
    public int Unmet => UnmetWaitlist + UnmetFull + UnmetQuota;

    /// <summary>
    /// The days <paramref name="from"/> to <paramref name="to"/> of every space found in the facts: a booking and
    /// an open slot belong to the local day they start on; unmet wishes to their day.
    /// </summary>
    /// <param name="now">A partner's session counts as held once started.</param>
    public static List<SpaceDay> Of(DateTimeZone zone, LocalDate from, LocalDate to, Instant now, IEnumerable<BookingFact> bookings,
        IEnumerable<MealsFact> meals, IEnumerable<UnmetFact> unmet, IEnumerable<OpenTimeFact> openTime)
    {
        var bookingsByDay = bookings.Select(b => (Booking: b, Day: b.Time.Start.InZone(zone).Date))
            .Where(b => b.Day >= from && b.Day <= to).ToLookup(b => (b.Booking.SpaceId, b.Day), b => b.Booking);
        var mealsBySession = meals.ToDictionary(m => m.BookingId);
        // Several refusals or wishes of one household for one space and day are one unmet wish (the first reason found).
        var unmetByDay = unmet.Where(u => u.Day >= from && u.Day <= to).DistinctBy(u => (u.SpaceId, u.Day, u.HouseholdId))
            .ToLookup(u => (u.SpaceId, u.Day));
        var open = openTime.Select(r => (Resource: r,
            Open: r.Open.ToLookup(o => o.Start.InZone(zone).Date), Down: r.Down.ToLookup(d => d.Start.InZone(zone).Date))).ToList();
        var keys = bookingsByDay.Select(g => g.Key).Concat(unmetByDay.Select(g => g.Key))
            .Concat(open.SelectMany(r => r.Open.Select(g => (r.Resource.SpaceId, Day: g.Key)).Concat(r.Down.Select(g => (r.Resource.SpaceId, Day: g.Key)))))
            .Where(k => k.Day >= from && k.Day <= to).Distinct().OrderBy(k => k.Day).ThenBy(k => k.SpaceId);
        return keys.Select(k => Count(zone, k.Day, k.SpaceId, now, bookingsByDay[k].ToList(), mealsBySession, unmetByDay[k].ToList(),
            open.Where(r => r.Resource.SpaceId == k.SpaceId).Select(r => (r.Resource, r.Open[k.Day].OrderBy(o => o.Start).ToList(), r.Down[k.Day].ToList())))).ToList();
    }

    private static SpaceDay Count(DateTimeZone zone, LocalDate day, int spaceId, Instant now, List<BookingFact> bookings,
        Dictionary<int, MealsFact> meals, List<UnmetFact> unmet, IEnumerable<(OpenTimeFact Resource, List<Interval> Open, List<Interval> Down)> resources)
    {
        var attended = bookings.Where(b => b.HouseholdId is not null && b.Attended).ToList();
        var visits = attended.GroupBy(b => b.HouseholdId!.Value).Select(g =>
        {
            var latest = g.OrderByDescending(b => b.Time.Start).First();
            return new DayVisit(g.Key, latest.People, g.Min(b => b.Time.Start), latest.Time.Start);
        }).ToList();
        var sessions = bookings.Where(b => b.SessionHeld(now))
            .Select(b => new HeldSession(b.Id, b.PartnerId!.Value, b.Time.Duration.TotalHours, meals.GetValueOrDefault(b.Id))).ToList();
        var due = bookings.Where(b => b.HouseholdId is not null && (b.Attended || b.Status == BookingStatus.NoShow)).ToList();

        var heat = new Dictionary<(IsoDayOfWeek, int), (double Open, double Booked)>();
        void Add(Interval time, bool booked, int places)
        {
            for (var hour = time.Start; hour < time.End;)
            {
                var local = hour.InZone(zone);
                var next = Instant.Min(time.End, hour + Duration.FromMinutes(60 - local.Minute) - Duration.FromSeconds(local.Second));
                var key = (local.DayOfWeek, local.Hour);
                var cell = heat.GetValueOrDefault(key);
                var hours = (next - hour).TotalHours;
                heat[key] = booked ? (cell.Open, cell.Booked + hours) : (cell.Open + hours * places, cell.Booked);
                hour = next;
            }
        }

        var byResource = bookings.Where(b => b.Booked || b.SessionHeld(now)).ToLookup(b => b.ResourceId);
        var rows = new List<ResourceDay>();
        foreach (var (resource, open, down) in resources)
        {
            open.ForEach(o => Add(o, booked: false, resource.Capacity));
            double booked = 0, used = 0;
            // Time booked counts inside opening hours only (a block moved outside them by the rules is not occupancy).
            foreach (var booking in byResource[resource.ResourceId])
            {
                foreach (var part in Within(open, booking.Time))
                {
                    booked += part.Duration.TotalHours;
                    used += booking.Attended || booking.SessionHeld(now) ? part.Duration.TotalHours : 0;
                    Add(part, booked: true, 1);
                }
            }

            rows.Add(new ResourceDay(resource.ResourceId, open.Sum(o => o.Duration.TotalHours) * resource.Capacity, booked, used,
                down.Sum(d => d.Duration.TotalHours)));
        }

        return new SpaceDay(day, spaceId, visits,
            attended.Count(b => b.Kind == ResourceKind.Washer && b.Status == BookingStatus.Completed),
            attended.Count(b => b.Kind == ResourceKind.Dryer && b.Status == BookingStatus.Completed),
            attended.Count(b => b.SpaceKind == SpaceKind.FamilyKitchen),
            sessions, due.Count(b => b.Status == BookingStatus.NoShow), due.Count,
            bookings.Count(b => b.Status == BookingStatus.Cancelled && b.CancelledAt is { } at && at > b.Time.Start - b.Notice),
            bookings.Count(b => b.HouseholdId is not null && b.Booked),
            unmet.Count(u => u.Reason == UnmetReason.WaitlistNotServed), unmet.Count(u => u.Reason == UnmetReason.SlotTaken),
            unmet.Count(u => u.Reason == UnmetReason.QuotaReached),
            rows, heat.Select(c => new HourShare(c.Key.Item1, c.Key.Item2, c.Value.Open, c.Value.Booked)).ToList());
    }

    /// <summary>The parts of <paramref name="time"/> inside the open intervals (sorted, not overlapping).</summary>
    private static IEnumerable<Interval> Within(List<Interval> open, Interval time)
    {
        foreach (var slot in open)
        {
            var start = Instant.Max(slot.Start, time.Start);
            var end = Instant.Min(slot.End, time.End);
            if (end > start)
            {
                yield return new Interval(start, end);
            }
        }
    }
}
