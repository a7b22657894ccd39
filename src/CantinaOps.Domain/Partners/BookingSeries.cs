using NodaTime;

namespace CantinaOps.Domain.Partners;

/// <summary>One occurrence of a series: a local day with its wall-clock start and end.</summary>
public sealed record Occurrence(LocalDate Day, LocalDateTime Start, LocalDateTime End);

/// <summary>
/// A partner's recurring block, e.g. every Tuesday and Thursday 07:30–13:00 from 6 January to 30 June.
/// Occurrences are wall-clock times, so they stay at 07:30 across daylight-saving changes.
/// </summary>
public sealed class BookingSeries
{
    private BookingSeries()
    {
    }

    public BookingSeries(int partnerId, int resourceId, IEnumerable<IsoDayOfWeek> days, LocalTime start, LocalTime end,
        LocalDate firstDay, LocalDate lastDay, Instant now)
    {
        var dayList = days.ToList();
        if (Check(dayList, start, end, firstDay, lastDay) is { } refusal)
        {
            throw new ArgumentException(refusal.Detail);
        }

        var mask = dayList.Aggregate(0, (m, d) => m | (1 << (int)d));

        PartnerId = partnerId;
        ResourceId = resourceId;
        DaysMask = mask;
        Start = start;
        End = end;
        FirstDay = firstDay;
        LastDay = lastDay;
        CreatedAt = now;
    }

    /// <summary>Why such a series cannot be made; null when it can.</summary>
    public static Bookings.Refusal? Check(IReadOnlyCollection<IsoDayOfWeek> days, LocalTime start, LocalTime end, LocalDate firstDay, LocalDate lastDay)
    {
        if (days.Count == 0 || days.Any(d => d == IsoDayOfWeek.None))
        {
            return Bookings.Refusal.Because(Bookings.Rule.InvalidBlock, "series-no-day", $"A series needs at least one weekday.");
        }

        if (end <= start)
        {
            return Bookings.Refusal.Because(Bookings.Rule.InvalidBlock, "series-end-before-start", $"A series block ends after it starts.");
        }

        return lastDay < firstDay || Period.Between(firstDay, lastDay, PeriodUnits.Days).Days > 400
            ? Bookings.Refusal.Because(Bookings.Rule.InvalidBlock, "series-too-long", $"A series runs forwards, for at most about a year.")
            : null;
    }

    public int Id { get; private set; }
    public int PartnerId { get; private set; }
    public int ResourceId { get; private set; }

    /// <summary>Bit n set when ISO weekday n (1 = Monday) is in the series.</summary>
    public int DaysMask { get; private set; }

    public LocalTime Start { get; private set; }
    public LocalTime End { get; private set; }
    public LocalDate FirstDay { get; private set; }
    public LocalDate LastDay { get; private set; }
    public Instant CreatedAt { get; private set; }

    public IReadOnlyList<IsoDayOfWeek> Days =>
        Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && (DaysMask & (1 << (int)d)) != 0).ToList();

    public IEnumerable<Occurrence> Occurrences()
    {
        for (var day = FirstDay; day <= LastDay; day = day.PlusDays(1))
        {
            if ((DaysMask & (1 << (int)day.DayOfWeek)) != 0)
            {
                yield return new Occurrence(day, day + Start, day + End);
            }
        }
    }

    /// <summary>
    /// "This and all following": the series stops the day before <paramref name="day"/>, and the
    /// returned series carries the following occurrences with their new times.
    /// </summary>
    public BookingSeries SplitAt(LocalDate day, LocalTime newStart, LocalTime newEnd, Instant now)
    {
        if (day <= FirstDay || day > LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "The split day lies inside the series, after its first day.");
        }

        var following = new BookingSeries(PartnerId, ResourceId, Days, newStart, newEnd, day, LastDay, now);
        LastDay = day.PlusDays(-1);
        return following;
    }

    /// <summary>Stops the series before a day ("cancel this and all following").</summary>
    public void EndBefore(LocalDate day) => LastDay = day.PlusDays(-1);
}
