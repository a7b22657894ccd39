using CantinaOps.Domain.Impact;
using NodaTime;

namespace CantinaOps.Domain.Tests.Impact;

public class DemandForecastTests
{
    private static readonly LocalDate First = new(2026, 1, 5); // a Monday
    private static readonly int[] Pattern = [10, 20, 30, 40, 50, 5, 0];

    private static List<(LocalDate, int)> Series(int weeks, Func<int, int, int> value) =>
        Enumerable.Range(0, weeks * 7).Select(i => (First.PlusDays(i), value(i / 7, i % 7))).ToList();

    [Fact]
    public void On_a_weekly_pattern_that_drifts_the_seasonal_naive_method_wins_with_its_error_known_by_hand()
    {
        // Each week 2 more than the one before: "same day last week" is off by 2, the 4-week mean by 2 × 2.5 = 5, the 8-week by 9.
        var history = Series(20, (w, d) => Pattern[d] + 2 * w);
        var forecast = DemandForecast.Of(history, First.PlusWeeks(20), _ => 45)!;

        Assert.Equal(ForecastMethod.SeasonalNaive, forecast.Method);
        Assert.Equal(2, forecast.Backtests.Single(b => b.Method == ForecastMethod.SeasonalNaive).Mae, 9);
        Assert.Equal(5, forecast.Backtests.Single(b => b.Method == ForecastMethod.MovingAverage4).Mae, 9);
        Assert.Equal(9, forecast.Backtests.Single(b => b.Method == ForecastMethod.MovingAverage8).Mae, 9);
        Assert.Equal(1, forecast.Chosen.Mase!.Value, 9); // the naive method's own error is its yardstick
        Assert.Equal(28, forecast.Days.Count);
        // Next Monday = last Monday (10 + 2 × 19); Thursday 40 + 38 = 78 is over a capacity of 45.
        Assert.Equal(48, forecast.Days[0].Demand);
        Assert.True(forecast.Days[3].OverCapacity);
        Assert.False(forecast.Days[6].OverCapacity);
    }

    [Fact]
    public void When_weeks_swing_up_and_down_the_moving_average_wins()
    {
        // +5 one week, −5 the next: last week is 10 off, the mean of four weeks is 5 off.
        var history = Series(20, (w, d) => Pattern[d] + 10 + (w % 2 == 0 ? 5 : -5));
        var forecast = DemandForecast.Of(history, First.PlusWeeks(20), _ => 100)!;

        Assert.Equal(ForecastMethod.MovingAverage4, forecast.Method);
        Assert.Equal(10, forecast.Backtests.Single(b => b.Method == ForecastMethod.SeasonalNaive).Mae, 9);
        Assert.Equal(5, forecast.Chosen.Mae, 9);
        Assert.Equal(0.5, forecast.Chosen.Mase!.Value, 9);
    }

    [Fact]
    public void Without_thirteen_weeks_of_history_there_is_no_forecast()
    {
        Assert.Null(DemandForecast.Of(Series(12, (_, d) => Pattern[d]), First.PlusWeeks(12), _ => 10));
        Assert.NotNull(DemandForecast.Of(Series(13, (_, d) => Pattern[d]), First.PlusWeeks(13), _ => 10));
    }
}
