using System.Diagnostics;
using CantinaOps.Web.Features.Impact;
using CantinaOps.Web.Features.Scheduling;
using NodaTime;

namespace CantinaOps.Bench;

/// <summary>The impact dashboard's figures for a whole year (with its comparisons, monthly series and forecasts), in-process.</summary>
internal static class ImpactBench
{
    public static async Task<AvailabilityBench.Result> RunAsync(string databasePath, BenchSite site, int iterations)
    {
        var clock = new BenchClock.Fixed();
        var rules = new ScheduleCache(clock, Microsoft.Extensions.Options.Options.Create(new SchedulingOptions()));
        var year = new ImpactRequest(site.Today.PlusYears(-1).PlusDays(1), site.Today, null, Grouping.Month);
        var timings = new List<double>();
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = BenchData.Open(databasePath);
            var queries = new ImpactQueries(db, rules, clock);
            var watch = Stopwatch.StartNew();
            var view = await queries.ViewAsync(year, CancellationToken.None);
            watch.Stop();
            if (i == 0)
            {
                Console.WriteLine($"Impact, a year: {view.Current.HouseholdsServed:N0} households served, {view.Current.Visits:N0} visits, " +
                    $"{view.Series.Count} months, {view.Forecasts.Count} forecasts");
            }

            if (i >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new AvailabilityBench.Result(AvailabilityBench.Percentile(timings, 0.50), AvailabilityBench.Percentile(timings, 0.95), 0);
    }
}
