using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Domain.Tests.Scheduling;

public class SiteTimeTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    [Fact]
    public void A_time_in_the_spring_gap_is_refused_as_nonexistent()
    {
        var outcome = Paris.Resolve(new LocalDateTime(2026, 3, 29, 2, 30), offset: null);

        Assert.Equal(Rule.NonexistentLocalTime, outcome.Refusal?.Rule);
    }

    [Fact]
    public void A_repeated_time_without_offset_is_its_first_occurrence_and_an_offset_picks_the_second()
    {
        var local = new LocalDateTime(2026, 10, 25, 2, 30);

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), Paris.Resolve(local, null).Value);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), Paris.Resolve(local, Offset.FromHours(2)).Value);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 30), Paris.Resolve(local, Offset.FromHours(1)).Value);
    }

    [Fact]
    public void A_time_with_z_or_any_offset_is_that_instant()
    {
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 6, 30), Paris.Resolve(new LocalDateTime(2026, 12, 1, 6, 30), Offset.Zero).Value);
        Assert.Equal(Instant.FromUtc(2026, 10, 24, 21, 30), Paris.Resolve(new LocalDateTime(2026, 10, 25, 2, 30), Offset.FromHours(5)).Value);
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 1, 30), Paris.Resolve(new LocalDateTime(2027, 3, 28, 2, 30), Offset.FromHours(1)).Value);
    }

    [Fact]
    public void The_iso_week_runs_from_monday_midnight_local_time()
    {
        var sundayLate = Paris.ToInstant(new LocalDateTime(2026, 11, 29, 23, 30));
        var mondayEarly = Paris.ToInstant(new LocalDateTime(2026, 11, 30, 0, 30));

        var week = Paris.IsoWeekOf(sundayLate);

        Assert.Equal(Instant.FromUtc(2026, 11, 22, 23, 0), week.Start);
        Assert.True(week.Contains(sundayLate));
        Assert.False(week.Contains(mondayEarly));
        Assert.Equal(week.End, Paris.IsoWeekOf(mondayEarly).Start);
    }

    [Fact]
    public void A_week_containing_the_fall_back_lasts_one_hour_longer()
    {
        var week = Paris.IsoWeekOf(Instant.FromUtc(2026, 10, 22, 12, 0));

        Assert.Equal(Duration.FromHours((7 * 24) + 1), week.Duration);
    }
}
