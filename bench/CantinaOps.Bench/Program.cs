using System.Diagnostics;
using CantinaOps.Bench;

// Builds a site of 100 resources with a year of history (>= 250,000 bookings) in a fresh SQLite
// file, then measures availability in-process, booking throughput and the 200-way race over HTTP
// against the real app started as its own process on 127.0.0.1, and that process's peak memory.
var folder = Path.Combine(Path.GetTempPath(), "cantinaops-bench", DateTimeOffsetText());
Directory.CreateDirectory(folder);
var existing = Environment.GetEnvironmentVariable("BENCH_DATABASE");
var databasePath = existing
    ?? (BenchData.PostgresServer is null ? Path.Combine(folder, "bench.db") : BenchData.CreatePostgres($"cantinaops_bench_{Path.GetFileName(folder)}"));
Console.WriteLine($"Database: {databasePath}");

if (args.Contains("plans"))
{
    PlanBench.Run(folder);
    return;
}

if (args.Contains("messaging"))
{
    await MessagingBench.RunAsync(folder, 10_000);
    return;
}

// history=3 builds three years of history instead of one (a database given in BENCH_DATABASE keeps its own).
var years = args.Where(a => a.StartsWith("history=", StringComparison.Ordinal))
    .Select(a => int.Parse(a["history=".Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Last();
var stopwatch = Stopwatch.StartNew();
var site = existing is null ? await BenchData.BuildAsync(databasePath, years) : await BenchData.OpenExistingAsync(databasePath);
Console.WriteLine($"{(existing is null ? "Built" : "Opened")} {site.BookingCount:N0} bookings on {site.ResourceIds.Count} resources in {stopwatch.Elapsed.TotalSeconds:F1} s");
if (args.Contains("build"))
{
    return;
}

// The runs below write (bookings, a family's PIN): a given database is measured on a copy, so every run starts from the same data.
if (existing is not null && !args.Contains("impact"))
{
    databasePath = await BenchData.CopyAsync(existing, folder);
    Console.WriteLine($"Measured on a copy: {databasePath}");
}

var rounds = args.Where(a => a.StartsWith("rounds=", StringComparison.Ordinal))
    .Select(a => int.Parse(a["rounds=".Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(100).Last();
if (args.Contains("pages"))
{
    await using var pagesApp = await AppProcess.StartAsync(databasePath, folder);
    PagesBench.Print(await PagesBench.RunAsync(pagesApp, databasePath, site, rounds));
    Console.WriteLine($"Peak memory of the app process (VmHWM): {pagesApp.PeakMemoryMegabytes():F0} MB");
    return;
}

if (args.Contains("impact"))
{
    var impact = await ImpactBench.RunAsync(databasePath, site, iterations: 20);
    Console.WriteLine($"Impact dashboard figures, a year on {site.ResourceIds.Count} resources, in-process: " +
        $"unchanged p50 {impact.Warm.P50:F0} ms, p95 {impact.Warm.P95:F0} ms; " +
        $"after a booking of a past day changed p50 {impact.Touched.P50:F0} ms, p95 {impact.Touched.P95:F0} ms");
    return;
}

var availability = await AvailabilityBench.RunAsync(databasePath, site, iterations: 300);
Console.WriteLine($"Availability, 7 days x {site.ResourceIds.Count} resources, in-process: " +
    $"p50 {availability.P50:F2} ms, p95 {availability.P95:F2} ms ({availability.Slots:N0} slots per call)");

await using var app = await AppProcess.StartAsync(databasePath, folder);
var http = await HttpBench.RunAsync(app, site, bookings: 3000, workers: 16);
Console.WriteLine($"Availability over HTTP: p50 {http.AvailabilityP50:F2} ms, p95 {http.AvailabilityP95:F2} ms");
Console.WriteLine($"Bookings over HTTP on distinct slots: {http.Created:N0} created in {http.Seconds:F2} s = " +
    $"{http.Created / http.Seconds:F0} bookings/s, p50 {http.BookingP50:F1} ms, p95 {http.BookingP95:F1} ms, errors {http.Errors}");
Console.WriteLine($"200-way race for one slot: {http.RaceWinners} x 201, {http.RaceConflicts} x 409, {http.RaceOther} other");
// The pages last, in the same app process, so its peak memory covers the whole benchmark.
PagesBench.Print(await PagesBench.RunAsync(app, databasePath, site, rounds));
Console.WriteLine($"Peak memory of the app process (VmHWM): {app.PeakMemoryMegabytes():F0} MB");

static string DateTimeOffsetText() => Guid.NewGuid().ToString("N")[..8];
