using System.Diagnostics;
using CantinaOps.Web.Features.Impact;
using CantinaOps.Web.Features.Scheduling;
using NodaTime;

namespace CantinaOps.Bench;

/// <summary>The impact dashboard's figures for a whole year (with its comparisons, monthly series and forecasts), in-process.</summary>
internal static class ImpactBench
{
    /// <summary>Cold: the first view counts every day. Warm: nothing changed since. Touched: a booking of a past day changed just before.</summary>
    public sealed record Result(double ColdMs, AvailabilityBench.Result Warm, AvailabilityBench.Result Touched);

    public static async Task<Result> RunAsync(string databasePath, BenchSite site, int iterations)
    {
        var clock = new BenchClock.Fixed();
        var rules = new ScheduleCache(clock, Microsoft.Extensions.Options.Options.Create(new SchedulingOptions()));
        using var cache = new ImpactDayCache();
        var year = new ImpactRequest(site.Today.PlusYears(-1).PlusDays(1), site.Today, null, Grouping.Month);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var (cold, warm, touched) = (0.0, new List<double>(), new List<double>());
        for (var i = 0; i < 2 * iterations + 3; i++)
        {
            var touch = i >= 3 && i % 2 == 1;
            if (touch)
            {
                // As the desk does all day: one booking of a past day changes, that day is counted again.
                cache.Touch(site.Today.PlusDays(-1 - (i % 300)).At(new LocalTime(10, 0)).InZoneLeniently(zone).ToInstant());
            }

            await using var db = BenchData.Open(databasePath);
            var queries = new ImpactQueries(db, rules, cache, clock);
            var watch = Stopwatch.StartNew();
            var view = await queries.ViewAsync(year, CancellationToken.None);
            watch.Stop();
            if (i == 0)
            {
                cold = watch.Elapsed.TotalMilliseconds;
                Console.WriteLine($"Impact, a year: {view.Current.HouseholdsServed:N0} households served, {view.Current.Visits:N0} visits, " +
                    $"{view.Series.Count} months, {view.Forecasts.Count} forecasts; first view (every day counted) {cold:F0} ms");
            }

            if (i >= 3)
            {
                (touch ? touched : warm).Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Result(cold, Stats(warm), Stats(touched));
    }

    private static AvailabilityBench.Result Stats(List<double> timings) =>
        new(AvailabilityBench.Percentile(timings, 0.50), AvailabilityBench.Percentile(timings, 0.95), 0);
}
