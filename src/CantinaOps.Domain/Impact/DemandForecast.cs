using NodaTime;

namespace CantinaOps.Domain.Impact;

public enum ForecastMethod
{
    /// <summary>The same weekday of the last week seen.</summary>
    SeasonalNaive = 1,

    /// <summary>The mean of the same weekday over the last 4 weeks.</summary>
    MovingAverage4 = 2,

    /// <summary>The mean of the same weekday over the last 8 weeks.</summary>
    MovingAverage8 = 3,
}

/// <summary>How a method did on the weeks already known: MAE in slots, and MASE against the seasonal naive method.</summary>
public sealed record Backtest(ForecastMethod Method, int Weeks, double Mae, double? Mase);

public sealed record ForecastDay(LocalDate Day, double Demand, int Capacity)
{
    /// <summary>A closed day (no capacity) raises no alert: nobody can be received then anyway.</summary>
    public bool OverCapacity => Capacity > 0 && Demand > Capacity;
}

public sealed record Forecast(ForecastMethod Method, IReadOnlyList<Backtest> Backtests, IReadOnlyList<ForecastDay> Days)
{
    public Backtest Chosen => Backtests.Single(b => b.Method == Method);
}

/// <summary>
/// Demand for the coming weeks of one space, by weekday, with methods a small association can redo by hand.
/// Demand on a day = bookings made for it (attended, absent or still to come) + unmet wishes (waitlist not
/// served, refusals because full): a full day hides the people turned away. Each method is tried on each of the
/// last <see cref="BacktestWeeks"/> weeks with only the weeks before it known; the one with the lower mean
/// absolute error forecasts, and its error is shown with it.
/// </summary>
public static class DemandForecast
{
    public const int BacktestWeeks = 12;
    public const int HorizonWeeks = 4;

    /// <param name="history">Demand per day, one entry per day up to the day before <paramref name="firstDay"/>.</param>
    /// <param name="capacity">What the space can take on a day (its slots times places); 0 when closed.</param>
    public static Forecast? Of(IReadOnlyList<(LocalDate Day, int Demand)> history, LocalDate firstDay, Func<LocalDate, int> capacity)
    {
        var values = history.OrderBy(h => h.Day).Select(h => (double)h.Demand).ToArray();
        // The backtest needs its 12 weeks and, before the first of them, one week for the naive method.
        if (values.Length < (BacktestWeeks + 1) * 7)
        {
            return null;
        }

        var scale = NaiveScale(values, values.Length - BacktestWeeks * 7);
        var backtests = Enum.GetValues<ForecastMethod>()
            .Select(m => (Method: m, Test: Test(values, m, scale)))
            .Where(t => t.Test is not null).Select(t => t.Test!).ToList();
        // Lower error wins; on a tie the simpler method (seasonal naive first) is kept.
        var chosen = backtests.OrderBy(b => Math.Round(b.Mae, 9)).ThenBy(b => b.Method).First().Method;
        var days = Enumerable.Range(0, HorizonWeeks * 7).Select(i =>
        {
            var day = firstDay.PlusDays(i);
            return new ForecastDay(day, Math.Round(Predict(values, values.Length, i % 7, chosen)!.Value, 1), capacity(day));
        }).ToList();
        return new Forecast(chosen, backtests, days);
    }

    /// <summary>
    /// The forecast for the day <paramref name="ahead"/> days after the last known one (0 = the next day),
    /// knowing only <paramref name="known"/> values; the same weekday is every 7 days.
    /// </summary>
    public static double? Predict(IReadOnlyList<double> values, int known, int ahead, ForecastMethod method)
    {
        var weeks = method switch { ForecastMethod.SeasonalNaive => 1, ForecastMethod.MovingAverage4 => 4, _ => 8 };
        // The same weekday in each of the last `weeks` weeks known.
        var sameDay = Enumerable.Range(1, weeks).Select(w => known - 7 * w + ahead % 7).ToList();
        return sameDay.Any(i => i < 0) ? null : sameDay.Average(i => values[i]);
    }

    private static Backtest? Test(double[] values, ForecastMethod method, double? scale)
    {
        var errors = new List<double>();
        var start = values.Length - BacktestWeeks * 7;
        for (var week = 0; week < BacktestWeeks; week++)
        {
            var known = start + week * 7;
            for (var day = 0; day < 7; day++)
            {
                if (Predict(values, known, day, method) is not { } predicted)
                {
                    return null;
                }

                errors.Add(Math.Abs(values[known + day] - predicted));
            }
        }

        var mae = errors.Average();
        return new Backtest(method, BacktestWeeks, mae, scale is > 0 ? mae / scale : null);
    }

    /// <summary>MASE's yardstick: the seasonal naive method's mean error on the days before the backtest.</summary>
    private static double? NaiveScale(double[] values, int before)
    {
        var errors = Enumerable.Range(7, Math.Max(0, before - 7)).Select(i => Math.Abs(values[i] - values[i - 7])).ToList();
        return errors.Count > 0 ? errors.Average() : null;
    }
}
