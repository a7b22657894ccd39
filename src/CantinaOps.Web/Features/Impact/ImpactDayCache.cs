using CantinaOps.Domain.Impact;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// The site's counted days (<see cref="SpaceDay"/>) kept between requests, so that a year's figures add up a
/// thousand small records instead of reading a quarter of a million bookings each time. A day is never shown
/// stale: every save that touches a booking, a session report, a refusal or a waitlist wish marks its days
/// (<see cref="ImpactChanges"/>, once committed) and they are counted again on the next request; a change of
/// opening hours, closures, slot lengths, resources or outages (the open time's fingerprint) recounts them all.
/// Days from today on are counted afresh on each request: they still change with the clock.
/// The marks are this server's own: with several servers on one database each keeps its own cache and sees
/// only its own writes (README, "Impact figures").
/// </summary>
public sealed class ImpactDayCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _marks = new();
    private readonly Dictionary<LocalDate, List<SpaceDay>> _days = [];
    private readonly Dictionary<int, LocalDate> _sessionDays = [];
    private List<Instant> _touched = [];
    private List<LocalDate> _touchedDays = [];
    private List<int> _touchedSessions = [];
    private bool _everything = true;
    private string? _fingerprint;
    private Dictionary<int, Instant>? _firstVisits;

    public void Dispose() => _gate.Dispose();

    /// <summary>A booking starting (or having started) at this instant changed.</summary>
    public void Touch(Instant start)
    {
        lock (_marks)
        {
            _touched.Add(start);
        }
    }

    /// <summary>A refusal or a waitlist wish of this day changed.</summary>
    public void Touch(LocalDate day)
    {
        lock (_marks)
        {
            _touchedDays.Add(day);
        }
    }

    /// <summary>The meals report of this partner session changed.</summary>
    public void TouchSession(int bookingId)
    {
        lock (_marks)
        {
            _touchedSessions.Add(bookingId);
        }
    }

    /// <summary>Something changed that cannot be placed on a day (households merged): everything is counted again.</summary>
    public void TouchAll()
    {
        lock (_marks)
        {
            _everything = true;
        }
    }

    /// <summary>Counted days of every space from <paramref name="from"/> to <paramref name="to"/>, and each household's first visit ever.</summary>
    /// <param name="origin">The first day anything happened (the first visit ever is looked for from there).</param>
    /// <param name="count">Counts the days of a run of dates, reading the database.</param>
    public async Task<(List<SpaceDay> Days, IReadOnlyDictionary<int, Instant> FirstVisits)> DaysAsync(DateTimeZone zone, string fingerprint,
        LocalDate origin, LocalDate from, LocalDate to, LocalDate today, Func<LocalDate, LocalDate, Task<List<SpaceDay>>> count)
    {
        await _gate.WaitAsync();
        try
        {
            Forget(zone, fingerprint);
            // Past days are kept; from today on they are counted for this request only.
            var first = origin < from ? origin : from;
            var lastKept = (to < today ? to : today.PlusDays(-1));
            var counted = false;
            foreach (var (runFrom, runTo) in Missing(first, lastKept))
            {
                var days = await count(runFrom, runTo);
                for (var day = runFrom; day <= runTo; day = day.PlusDays(1))
                {
                    _days[day] = [];
                }

                foreach (var day in days)
                {
                    _days[day.Day].Add(day);
                    day.Sessions.ToList().ForEach(s => _sessionDays[s.BookingId] = day.Day);
                }

                counted = true;
            }

            var fresh = today <= to ? await count(from > today ? from : today, to) : [];
            if (counted || _firstVisits is null)
            {
                _firstVisits = FirstVisits(_days.Values.SelectMany(d => d));
            }

            var firstVisits = fresh.Count == 0 ? _firstVisits : WithFresh(_firstVisits, fresh);
            var result = new List<SpaceDay>();
            for (var day = from; day <= lastKept; day = day.PlusDays(1))
            {
                result.AddRange(_days.GetValueOrDefault(day) ?? []);
            }

            result.AddRange(fresh);
            return (result, firstVisits);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the days marked since the last request (all of them when the rules changed).</summary>
    private void Forget(DateTimeZone zone, string fingerprint)
    {
        List<Instant> touched;
        List<LocalDate> touchedDays;
        List<int> sessions;
        bool everything;
        lock (_marks)
        {
            (touched, touchedDays, sessions, everything) = (_touched, _touchedDays, _touchedSessions, _everything);
            (_touched, _touchedDays, _touchedSessions, _everything) = ([], [], [], false);
        }

        if (everything || fingerprint != _fingerprint)
        {
            _days.Clear();
            _sessionDays.Clear();
            _firstVisits = null;
            _fingerprint = fingerprint;
            return;
        }

        var days = touched.Select(t => t.InZone(zone).Date).Concat(touchedDays)
            .Concat(sessions.Where(_sessionDays.ContainsKey).Select(id => _sessionDays[id]));
        foreach (var day in days)
        {
            _days.Remove(day);
        }
    }

    /// <summary>The runs of consecutive days not counted yet.</summary>
    private IEnumerable<(LocalDate From, LocalDate To)> Missing(LocalDate from, LocalDate to)
    {
        LocalDate? start = null;
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (!_days.ContainsKey(day))
            {
                start ??= day;
                continue;
            }

            if (start is { } s)
            {
                yield return (s, day.PlusDays(-1));
                start = null;
            }
        }

        if (start is { } last)
        {
            yield return (last, to);
        }
    }

    private static Dictionary<int, Instant> FirstVisits(IEnumerable<SpaceDay> days)
    {
        var first = new Dictionary<int, Instant>();
        foreach (var visit in days.SelectMany(d => d.Visits))
        {
            if (!first.TryGetValue(visit.HouseholdId, out var seen) || visit.First < seen)
            {
                first[visit.HouseholdId] = visit.First;
            }
        }

        return first;
    }

    private static Dictionary<int, Instant> WithFresh(Dictionary<int, Instant> kept, List<SpaceDay> fresh)
    {
        var first = new Dictionary<int, Instant>(kept);
        foreach (var (household, at) in FirstVisits(fresh))
        {
            if (!first.TryGetValue(household, out var seen) || at < seen)
            {
                first[household] = at;
            }
        }

        return first;
    }
}
