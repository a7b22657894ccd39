using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Bench;

/// <summary>
/// The pages people wait on, over HTTP against the real app, signed in through the sign-in forms as a desk
/// volunteer and as a family. Every round asks each page once, so each page and the availability call are
/// measured over the same minutes and their ratio holds when the machine's speed drifts.
/// </summary>
internal static partial class PagesBench
{
    public sealed record Figure(string Page, double P50, double P95, long WireBytes, long Bytes, string? Encoding, double Ratio);

    public static async Task<IReadOnlyList<Figure>> RunAsync(AppProcess app, string databasePath, BenchSite site, int rounds, int warmUp = 10)
    {
        int laundry, kitchen;
        await using (var db = BenchData.Open(databasePath))
        {
            laundry = await db.Spaces.Where(s => s.Kind == SpaceKind.Laundry).Select(s => s.Id).FirstAsync();
            kitchen = await db.Spaces.Where(s => s.Kind == SpaceKind.FamilyKitchen).Select(s => s.Id).FirstAsync();
        }

        var familyId = site.HouseholdIds[0];
        var familyCode = await BenchData.EnsureFamilyAsync(databasePath, familyId);
        using var desk = Client(app);
        using var family = Client(app);
        await SignInAsync(desk, "/Account/Login", new() { ["Input.Email"] = BenchData.Email, ["Input.Password"] = BenchData.Password });
        await SignInAsync(family, "/Family/SignIn", new() { ["Code"] = familyCode, ["Pin"] = BenchData.FamilyPin });

        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Address };
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = BenchData.Email, password = BenchData.Password });
        login.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var ticket = await BookFamilyWashAsync(api, site, familyId);
        var filled = await FillWeekAsync(api, site);
        Console.WriteLine($"Pages: the rest of this week booked at ~72 % through the API ({filled:N0} bookings); the family's wash is booking {ticket}");

        var today = site.Today.ToString("yyyy-MM-dd", null);
        var tomorrow = site.Today.PlusDays(1).ToString("yyyy-MM-dd", null);
        var pages = new (string Name, HttpClient Client, string Path)[]
        {
            ("availability 7 d × 100 (API)", desk, $"/api/v1/availability?from={today}&days=7"),
            ("/Desk/Week laundry (70)", desk, $"/Desk/Week?space={laundry}"),
            ("/Desk/Week family kitchen (30)", desk, $"/Desk/Week?space={kitchen}"),
            ("/Desk today board", desk, "/Desk"),
            ("/Family/Book laundry", family, $"/Family/Book?space={laundry}&kind=Washer&day={tomorrow}"),
            ("/Family/Ticket", family, $"/Family/Ticket?id={ticket}"),
            ("/Print/Week laundry HTML", desk, $"/Print/Week?space={laundry}"),
            ("/Print/Week laundry PDF", desk, $"/Print/Week?space={laundry}&format=pdf"),
        };

        var timings = pages.Select(_ => new List<double>()).ToArray();
        var sizes = new (long Wire, long Bytes, string? Encoding)[pages.Length];
        for (var round = 0; round < warmUp + rounds; round++)
        {
            for (var i = 0; i < pages.Length; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await pages[i].Client.GetAsync(new Uri(pages[i].Path, UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{pages[i].Path} answered {(int)response.StatusCode}");
                }

                if (round >= warmUp)
                {
                    timings[i].Add(watch.Elapsed.TotalMilliseconds);
                }

                var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
                sizes[i] = (body.Length, Decoded(body, encoding).Length, encoding);
            }
        }

        var availability = AvailabilityBench.Percentile(timings[0], 0.95);
        return pages.Select((p, i) => new Figure(p.Name, AvailabilityBench.Percentile(timings[i], 0.50), AvailabilityBench.Percentile(timings[i], 0.95),
            sizes[i].Wire, sizes[i].Bytes, sizes[i].Encoding, AvailabilityBench.Percentile(timings[i], 0.95) / availability)).ToList();
    }

    public static void Print(IReadOnlyList<Figure> figures)
    {
        Console.WriteLine("| page | p50 | p95 | sent | page size | p95 ÷ availability p95 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            Console.WriteLine($"| {f.Page} | {f.P50:F1} ms | {f.P95:F1} ms | {f.WireBytes / 1024.0:F0} KB{(f.Encoding is null ? "" : $" ({f.Encoding})")} | " +
                $"{f.Bytes / 1024.0:F0} KB | {f.Ratio:F2} |");
        }
    }

    /// <summary>Cookies kept, no redirects followed, compression asked for as a browser asks but not undone, so the size is what travels.</summary>
    private static HttpClient Client(AppProcess app)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        }) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        return client;
    }

    private static async Task SignInAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var form = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = System.Text.Encoding.UTF8.GetString(Decoded(await form.Content.ReadAsByteArrayAsync(), form.Content.Headers.ContentEncoding.FirstOrDefault()));
        var token = AntiforgeryToken().Match(html);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value);
        using var posted = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in at {path} answered {(int)posted.StatusCode}, not a redirect.");
        }
    }

    /// <summary>A wash tomorrow for the family, so its ticket is a confirmed wash with the dryer times to add (the ticket's longest path).</summary>
    private static async Task<int> BookFamilyWashAsync(HttpClient api, BenchSite site, int householdId)
    {
        // The first free wash from tomorrow on: after the booking run the washers' next days are already full.
        foreach (var (day, washer, hour) in from day in Enumerable.Range(1, 14) from washer in site.WasherIds from hour in Enumerable.Range(9, 9)
                 select (day, washer, hour))
        {
            var response = await api.PostAsJsonAsync("/api/v1/bookings",
                new { resourceId = washer, start = $"{site.Today.PlusDays(day):yyyy-MM-dd}T{hour:00}:00", householdId });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            }
        }

        throw new InvalidOperationException("No washer was free in the next two weeks for the family's ticket.");
    }

    /// <summary>
    /// The history ends yesterday; the desk's boards show today and this week. About 72 % of the free slots still ahead
    /// this week are booked (a taken slot or a refused quota is simply skipped), as a busy week would have them.
    /// </summary>
    private static async Task<int> FillWeekAsync(HttpClient api, BenchSite site)
    {
        var days = 8 - (int)site.Today.DayOfWeek;
        var slots = await api.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/v1/availability?from={site.Today:yyyy-MM-dd}&days={days}", UriKind.Relative))
            ?? [];
        var random = new Random(11);
        var earliest = BenchClock.Now + Duration.FromMinutes(90);
        var wanted = new ConcurrentQueue<(int Resource, string Start)>(slots
            .Where(s => s.GetProperty("free").GetBoolean())
            .Select(s => (Resource: s.GetProperty("resourceId").GetInt32(), Start: s.GetProperty("start").GetString()!))
            .Where(s => Later(s.Start, earliest) && random.NextDouble() < 0.72));
        var created = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var pick = new Random(100 + worker);
            while (wanted.TryDequeue(out var slot))
            {
                using var response = await api.PostAsJsonAsync("/api/v1/bookings",
                    new { resourceId = slot.Resource, start = slot.Start, householdId = site.HouseholdIds[1 + pick.Next(site.HouseholdIds.Count - 1)] });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                }
            }
        }));
        return created;
    }

    private static bool Later(string siteTime, Instant earliest)
    {
        var local = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(siteTime[..16]).Value;
        return local.InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Paris"]).ToInstant() > earliest;
    }

    private static byte[] Decoded(byte[] body, string? encoding)
    {
        Stream? decoder = encoding switch
        {
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new DeflateStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return body;
        }

        using (decoder)
        {
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            return output.ToArray();
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryToken();
}
