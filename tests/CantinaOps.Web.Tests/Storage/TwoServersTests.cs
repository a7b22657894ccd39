using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Storage;

/// <summary>
/// Two app servers as two processes on one PostgreSQL database (seeded by the in-process app, which takes no
/// part in what is measured): what one server decides, the other cannot contradict.
/// </summary>
public sealed class TwoServersApp : AppFactory
{
    public SmsStub Sms { get; private set; } = null!;

    public AppServer One { get; private set; } = null!;

    public AppServer Two { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Sms = await SmsStub.StartAsync();
        await base.InitializeAsync();
        if (TestDatabase.IsPostgres)
        {
            var servers = await Task.WhenAll(
                AppServer.StartAsync(this, "one", jobs: true, Sms.Url),
                AppServer.StartAsync(this, "two", jobs: true, Sms.Url));
            (One, Two) = (servers[0], servers[1]);
        }
    }

    /// <summary>The in-process app plans the messages as the servers would: it must know the SMS channel is there.</summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Sms:Url", Sms.Url);
        builder.UseSetting("Messaging:Sms:ApiKey", "test-key");
    }

    public override async ValueTask DisposeAsync()
    {
        if (One is not null)
        {
            await One.DisposeAsync();
        }

        if (Two is not null)
        {
            await Two.DisposeAsync();
        }

        await base.DisposeAsync();
        await Sms.DisposeAsync();
    }
}

[Collection(HangfireCollection.Name)]
public partial class TwoServersTests(TwoServersApp app) : IClassFixture<TwoServersApp>
{
    private static async Task<string> TokenAsync(AppServer server, string email)
    {
        using var client = server.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestSite.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static HttpClient Bearer(AppServer server, string token)
    {
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [SkippableFact]
    public async Task Two_hundred_requests_for_one_slot_spread_over_both_servers_give_one_booking()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        // One sign-in, honoured by both servers: they share the keys.
        var token = await TokenAsync(app.One, TestSite.Desk);
        using var one = Bearer(app.One, token);
        using var two = Bearer(app.Two, token);

        var requests = Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? one : two).BookAsync(app.Site.Washer1, "2026-12-03T10:00", app.Site.Households[i]));
        var statuses = (await Task.WhenAll(requests)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(199, statuses.Count(s => s == HttpStatusCode.Conflict));
        var held = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == app.Site.Washer1 && b.HeldFrom != null
            && b.Start == Instant.FromUtc(2026, 12, 3, 9, 0)));
        Assert.Equal(1, held);
    }

    [SkippableFact]
    public async Task Overlapping_partner_blocks_with_different_starts_from_two_servers_one_wins()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        using var partnerA = Bearer(app.One, await TokenAsync(app.One, TestSite.PartnerAUser));
        using var partnerB = Bearer(app.Two, await TokenAsync(app.Two, TestSite.PartnerBUser));
        // Ten weekdays, each asked for by both partners at once: 14:00–18:00 on one server, 15:00–17:00 on the other.
        var days = Enumerable.Range(0, 14).Select(d => new LocalDate(2027, 1, 4).PlusDays(d))
            .Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)).ToList();

        foreach (var day in days)
        {
            var date = NodaTime.Text.LocalDatePattern.Iso.Format(day);
            var both = await Task.WhenAll(
                partnerA.BookBlockAsync(app.Site.ProKitchen, $"{date}T14:00", $"{date}T18:00", app.Site.PartnerA),
                partnerB.BookBlockAsync(app.Site.ProKitchen, $"{date}T15:00", $"{date}T17:00", app.Site.PartnerB));

            Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(1, both.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        }

        var zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var from = days[0].AtStartOfDayInZone(zone).ToInstant();
        var held = await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == app.Site.ProKitchen && b.HeldFrom != null && b.Start >= from)
            .Select(b => new { b.Start, b.End }).ToListAsync());
        Assert.Equal(days.Count, held.Count);
    }

    [SkippableFact]
    public async Task The_last_quota_place_asked_from_both_servers_at_once_goes_to_one()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        var token = await TokenAsync(app.One, TestSite.Desk);
        using var one = Bearer(app.One, token);
        using var two = Bearer(app.Two, token);
        // Households of one to four people: two laundry cycles a week. Each has used one; both servers are then
        // asked at the same moment for the last, on different machines and days, so no slot is shared.
        var households = Enumerable.Range(100, 100).Where(i => i % 6 < 4).Take(20).Select(i => app.Site.Households[i]).ToList();
        var hours = new[] { 0, 1, 2, 3, 4, 5, 9, 10, 11, 14, 15, 16, 17 };
        for (var k = 0; k < households.Count; k++)
        {
            var slot = $"2026-12-07T{hours[k % hours.Length]:00}:00";
            Assert.Equal(HttpStatusCode.Created, (await one.BookAsync(k < hours.Length ? app.Site.Washer1 : app.Site.Washer2, slot, households[k])).StatusCode);
        }

        var races = households.Select((household, k) => Task.WhenAll(
            one.BookAsync(k < hours.Length ? app.Site.Washer1 : app.Site.Washer2, $"2026-12-08T{hours[k % hours.Length]:00}:00", household),
            two.BookAsync(k < hours.Length ? app.Site.Washer1 : app.Site.Washer2, $"2026-12-09T{hours[k % hours.Length]:00}:00", household)));
        var answers = await Task.WhenAll(races);

        foreach (var pair in answers)
        {
            Assert.Equal(1, pair.Count(r => r.StatusCode == HttpStatusCode.Created));
            var refused = Assert.Single(pair, r => r.StatusCode != HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("quota-reached", (await refused.JsonAsync()).GetProperty("rule").GetString());
        }
    }

    [SkippableFact]
    public async Task A_thousand_due_messages_are_sent_once_each_by_both_servers_together()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        var notices = new List<int>();
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[221]);
            household.Update(household.Size, "fr", null, "+33611000221", null);
            var booking = Booking.ForHousehold(app.Site.Washer2, new Interval(Instant.FromUtc(2026, 12, 11, 8, 0), Instant.FromUtc(2026, 12, 11, 9, 0)),
                1, household.Id, BookedBy.Desk, null, AppFactory.Now);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            var rows = Enumerable.Range(0, 1000).Select(_ => new Notice(NoticeKind.BookingMoved, booking.Id, household.Id, null, AppFactory.Now)).ToList();
            db.Notices.AddRange(rows);
            await db.SaveChangesAsync();
            notices.AddRange(rows.Select(n => n.Id));
        });
        Assert.Equal(1000, await app.WithServicesAsync(services => services.GetRequiredService<DispatchPlanner>()
            .PlanAsync(CantinaOps.Domain.Messaging.ReminderSettings.Default, CancellationToken.None)));

        // The work is handed to the servers through the shared job storage, as the recurring job does.
        var jobs = new BackgroundJobClient(app.Services.GetRequiredService<JobStorage>());
        for (var i = 0; i < 12; i++)
        {
            jobs.Enqueue<DispatchSender>(s => s.DrainAsync(2, CancellationToken.None));
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await app.WithDbAsync(db => db.Set<Dispatch>().CountAsync(d => notices.Contains(d.NoticeId!.Value) && d.Status != DispatchStatus.Sent)) > 0
               && waited.Elapsed < TimeSpan.FromSeconds(180))
        {
            await Task.Delay(250);
        }

        var tags = app.Sms.Received.Select(m => m.GetProperty("tag").GetString()).Where(t => t!.StartsWith("notice:", StringComparison.Ordinal)).ToList();
        Assert.True(tags.Count == 1000, $"{tags.Count} sent.\nServer one:\n{app.One.Output}\nServer two:\n{app.Two.Output}");
        Assert.Equal(notices.Select(id => $"notice:{id}").Order(), tags.Order());
        Assert.Contains("one", app.Sms.Senders);
        Assert.Contains("two", app.Sms.Senders);
    }

    [SkippableFact]
    public async Task A_signed_in_session_and_a_forms_token_still_work_after_both_servers_restart()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        var cookies = new CookieContainer();
        using (var one = app.One.Client(cookies))
        {
            var login = await one.SubmitAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = TestSite.Desk,
                ["Input.Password"] = TestSite.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // The other server honours the cookie and hands out the form.
        string form;
        using (var two = app.Two.Client(cookies))
        {
            var page = await two.GetAsync("/Desk");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            form = await page.Content.ReadAsStringAsync();
        }

        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        Assert.NotEmpty(token);

        await Task.WhenAll(app.One.RestartAsync(), app.Two.RestartAsync());

        using var afterOne = app.One.Client(cookies);
        Assert.Equal(HttpStatusCode.OK, (await afterOne.GetAsync("/Desk")).StatusCode);
        using var afterTwo = app.Two.Client(cookies);
        // Signing out is a form: its token from before the restart is still accepted (a refused token answers 400).
        var signOut = await afterTwo.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var bad = await afterOne.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
