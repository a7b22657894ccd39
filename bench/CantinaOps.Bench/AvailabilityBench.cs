using System.Diagnostics;
using CantinaOps.Web.Features.Scheduling;

namespace CantinaOps.Bench;

internal static class AvailabilityBench
{
    public sealed record Result(double P50, double P95, int Slots);

    /// <summary>Warm, in-process: a fresh DbContext per call, as a request would have, and the app's rules cache.</summary>
    public static async Task<Result> RunAsync(string databasePath, BenchSite site, int iterations)
    {
        var rules = new ScheduleCache(new BenchClock.Fixed(), Microsoft.Extensions.Options.Options.Create(new SchedulingOptions()));
        var timings = new List<double>();
        var slots = 0;
        for (var i = 0; i < iterations + 20; i++)
        {
            await using var db = BenchData.Open(databasePath);
            var query = new AvailabilityQuery(db, rules, new BenchClock.Fixed());
            var from = site.Today.PlusDays(-(i % 60) * 7 / 2);
            var watch = Stopwatch.StartNew();
            var result = await query.RunAsync(site.SiteId, from, 7, _ => true, CancellationToken.None);
            watch.Stop();
            slots = result.Sum(s => s.Slots.Count);
            if (i >= 20)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Result(Percentile(timings, 0.50), Percentile(timings, 0.95), slots);
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
