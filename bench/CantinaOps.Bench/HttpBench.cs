using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CantinaOps.Bench;

internal static class HttpBench
{
    public sealed record Result(int Created, int Errors, double Seconds, double BookingP50, double BookingP95,
        double AvailabilityP50, double AvailabilityP95, int RaceWinners, int RaceConflicts, int RaceOther);

    public static async Task<Result> RunAsync(AppProcess app, BenchSite site, int bookings, int workers)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.Address };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = BenchData.Email, password = BenchData.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var availability = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync(new Uri($"/api/v1/availability?from={site.Today.PlusDays(i % 7):yyyy-MM-dd}&days=7", UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 20)
            {
                availability.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // Distinct future slots: washers, days 1 to 12 ahead, 08:00 to 19:00, spread over resources first.
        var slots = new ConcurrentQueue<(int Resource, string Start)>(
            from day in Enumerable.Range(1, 12)
            from hour in Enumerable.Range(8, 12)
            from washer in site.WasherIds
            select (washer, $"{site.Today.PlusDays(day):yyyy-MM-dd}T{hour:00}:00"));
        var latencies = new ConcurrentBag<double>();
        var created = 0;
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker);
            while (Volatile.Read(ref created) + Volatile.Read(ref errors) < bookings && slots.TryDequeue(out var slot))
            {
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsJsonAsync("/api/v1/bookings",
                    new { resourceId = slot.Resource, start = slot.Start, householdId = site.HouseholdIds[random.Next(site.HouseholdIds.Count)] });
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        total.Stop();

        var raceSlot = $"{site.Today.PlusDays(13):yyyy-MM-dd}T19:00";
        using var gate = new SemaphoreSlim(0);
        var race = Enumerable.Range(0, 200).Select(async i =>
        {
            await gate.WaitAsync();
            return (await client.PostAsJsonAsync("/api/v1/bookings",
                new { resourceId = site.WasherIds[0], start = raceSlot, householdId = site.HouseholdIds[i] })).StatusCode;
        }).ToList();
        gate.Release(200);
        var outcomes = await Task.WhenAll(race);

        var list = latencies.ToList();
        return new Result(created, errors, total.Elapsed.TotalSeconds,
            AvailabilityBench.Percentile(list, 0.50), AvailabilityBench.Percentile(list, 0.95),
            AvailabilityBench.Percentile(availability, 0.50), AvailabilityBench.Percentile(availability, 0.95),
            outcomes.Count(s => s == HttpStatusCode.Created), outcomes.Count(s => s == HttpStatusCode.Conflict),
            outcomes.Count(s => s is not HttpStatusCode.Created and not HttpStatusCode.Conflict));
    }
}
