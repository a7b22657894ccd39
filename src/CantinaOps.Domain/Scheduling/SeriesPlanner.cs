using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>What the partner decides for an occurrence that cannot be held as asked.</summary>
public enum ConflictChoice
{
    Skip = 1,
    Move = 2,
    CancelSeries = 3,
}

/// <summary>One occurrence as it would be saved: its time, or the conflict and the move that would solve it.</summary>
public sealed record OccurrencePlan(LocalDate Day, Interval? Time, Refusal? Conflict, Interval? MoveTo)
{
    public bool IsFree => Conflict is null;
}

/// <summary>
/// Expands a series into its occurrences and checks each against the rules, the agreement and what is
/// already held, before anything is saved. Occurrences of the series itself never collide (one a day).
/// </summary>
public static class SeriesPlanner
{
    public static IReadOnlyList<OccurrencePlan> Preview(SpaceSchedule schedule, Resource resource, BookingSeries series,
        IReadOnlyCollection<HeldTime> held, IReadOnlyCollection<Agreement> agreements, Instant now)
    {
        var plans = new List<OccurrencePlan>();
        foreach (var occurrence in series.Occurrences())
        {
            var zone = schedule.Zone;
            if (!zone.Exists(occurrence.Start))
            {
                var refusal = Refusal.Because(Rule.NonexistentLocalTime, "series-nonexistent-time", $"{occurrence.Start:HH:mm} does not exist on {occurrence.Day:d MMMM}.");
                plans.Add(new OccurrencePlan(occurrence.Day, null, refusal,
                    FreeBlockOn(schedule, resource, occurrence.Day, Duration.FromTicks((occurrence.End - occurrence.Start).ToDuration().BclCompatibleTicks), held, now)));
                continue;
            }

            var time = new Interval(zone.ToInstant(occurrence.Start), zone.ToInstant(occurrence.End));
            var conflict = Agreement.Check(agreements, schedule.Space.Id, occurrence.Day)
                ?? schedule.CheckPartnerBlock(resource, time.Start, time.End, now, held).Refusal;
            var move = conflict is null or { Rule: Rule.Closed or Rule.OutsideAgreement or Rule.TooLate or Rule.TooFarAhead }
                ? null
                : FreeBlockOn(schedule, resource, occurrence.Day, time.Duration, held, now);
            plans.Add(new OccurrencePlan(occurrence.Day, time, conflict, move));
        }

        return plans;
    }

    /// <summary>
    /// Where a partner's block goes when the rules leave it out: a free block of the same length, on that
    /// day or the next <paramref name="days"/> days that one of the partner's agreements covers, as close
    /// to its usual time as possible (a closed day has no block at all, so that day alone could never do;
    /// a partner cooking at 08:00 would rather move a day than to the afternoon).
    /// </summary>
    public static Interval? NearestFreeBlock(SpaceSchedule schedule, Resource resource, Interval original, int days,
        IReadOnlyCollection<HeldTime> held, Instant now, IReadOnlyCollection<Agreement> agreements)
    {
        var local = original.Start.InZone(schedule.Zone).LocalDateTime;
        for (var day = local.Date; day <= local.Date.PlusDays(days); day = day.PlusDays(1))
        {
            if (Agreement.Check(agreements, schedule.Space.Id, day) is null
                && FreeBlocksOn(schedule, resource, day, original.Duration, held, now)
                    .OrderBy(b => Math.Abs(b.Start.InZone(schedule.Zone).TimeOfDay.NanosecondOfDay - local.TimeOfDay.NanosecondOfDay))
                    .Select(b => (Interval?)b).FirstOrDefault() is { } block)
            {
                return block;
            }
        }

        return null;
    }

    /// <summary>The earliest free block of the given length that day, on the quarter-hour grid, within opening hours.</summary>
    public static Interval? FreeBlockOn(SpaceSchedule schedule, Resource resource, LocalDate day, Duration length,
        IReadOnlyCollection<HeldTime> held, Instant now) =>
        FreeBlocksOn(schedule, resource, day, length, held, now).Select(b => (Interval?)b).FirstOrDefault();

    private static IEnumerable<Interval> FreeBlocksOn(SpaceSchedule schedule, Resource resource, LocalDate day, Duration length,
        IReadOnlyCollection<HeldTime> held, Instant now)
    {
        foreach (var range in schedule.Space.RangesOn(day.DayOfWeek))
        {
            for (var start = range.OpensOn(day); start + Period.FromTicks(length.BclCompatibleTicks) <= range.ClosesOn(day);
                 start = start.PlusMinutes((long)SpaceSchedule.BlockGrid.TotalMinutes))
            {
                if (!schedule.Zone.Exists(start))
                {
                    continue;
                }

                var from = schedule.Zone.ToInstant(start);
                var to = schedule.Zone.ToInstant(start + Period.FromTicks(length.BclCompatibleTicks));
                if (schedule.CheckPartnerBlock(resource, from, to, now, held).IsSuccess)
                {
                    yield return new Interval(from, to);
                }
            }
        }
    }
}
