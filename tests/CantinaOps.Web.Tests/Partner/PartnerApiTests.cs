using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Tests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Partner;

public class PartnerApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Series(int resource, string[] days, string from, string to, object? choices = null, string start = "07:30", string end = "13:00") =>
        new { resourceId = resource, days, start, end, from, to, choices };

    [Fact]
    public async Task Two_partners_requesting_the_same_block_at_once_one_wins()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);

        var responses = await Task.WhenAll(
            a.BookBlockAsync(app.Site.ProKitchen, "2026-12-14T08:00", "2026-12-14T12:00", app.Site.PartnerA),
            b.BookBlockAsync(app.Site.ProKitchen, "2026-12-14T09:00", "2026-12-14T13:00", app.Site.PartnerB));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_block_outside_the_agreement_is_refused_naming_the_rule()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);

        var response = await a.BookBlockAsync(app.Site.ProKitchen, "2028-01-10T08:00", "2028-01-10T12:00", app.Site.PartnerA);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("outside-agreement", (await response.JsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_partner_lists_only_its_own_bookings()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await b.BookBlockAsync(app.Site.ProKitchen, "2026-12-15T14:00", "2026-12-15T16:00", app.Site.PartnerB);
        await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-15T08:00", "2026-12-15T10:00", app.Site.PartnerA);

        var mine = (await (await a.GetAsync("/api/v1/partner/bookings")).JsonAsync()).EnumerateArray().ToList();

        Assert.NotEmpty(mine);
        Assert.All(mine, e => Assert.Equal(app.Site.PartnerA, e.GetProperty("partnerId").GetInt32()));
    }

    [Fact]
    public async Task A_series_preview_lists_the_conflict_and_saving_needs_a_choice_for_it()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await b.BookBlockAsync(app.Site.ProKitchen, "2027-01-12T10:00", "2027-01-12T12:00", app.Site.PartnerB);
        var body = Series(app.Site.ProKitchen, ["tuesday"], "2027-01-05", "2027-01-26");

        var preview = await (await a.PostAsJsonAsync("/api/v1/series/preview", body)).JsonAsync();
        var occurrences = preview.GetProperty("occurrences").EnumerateArray().ToList();
        var withoutChoice = await a.PostAsJsonAsync("/api/v1/series", body);
        var withChoice = await a.PostAsJsonAsync("/api/v1/series",
            Series(app.Site.ProKitchen, ["tuesday"], "2027-01-05", "2027-01-26", new Dictionary<string, string> { ["2027-01-12"] = "skip" }));

        Assert.Equal(4, occurrences.Count);
        var clash = occurrences.Single(o => !o.GetProperty("free").GetBoolean());
        Assert.Equal("2027-01-12", clash.GetProperty("day").GetString());
        Assert.Equal("slot-taken", clash.GetProperty("conflict").GetProperty("rule").GetString());
        Assert.Equal("2027-01-12T12:00", clash.GetProperty("moveStart").GetString());
        Assert.Equal(HttpStatusCode.Conflict, withoutChoice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withChoice.StatusCode);
        var seriesId = (await withChoice.JsonAsync()).GetProperty("id").GetInt32();
        var rows = await app.WithDbAsync(db => db.Bookings.Where(x => x.SeriesId == seriesId).OrderBy(x => x.OccurrenceDay).ToListAsync());
        Assert.Equal(4, rows.Count);
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Skipped, BookingStatus.Confirmed, BookingStatus.Confirmed], rows.Select(r => r.Status));
    }

    [Fact]
    public async Task Moving_a_conflicting_occurrence_books_it_at_the_offered_time_and_cancel_series_saves_nothing()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await b.BookBlockAsync(app.Site.ProKitchen, "2027-02-03T07:00", "2027-02-03T09:00", app.Site.PartnerB);
        var before = await app.WithDbAsync(db => db.Series.CountAsync());

        var cancelled = await a.PostAsJsonAsync("/api/v1/series", Series(app.Site.ProKitchen, ["wednesday"], "2027-01-27", "2027-02-10",
            new Dictionary<string, string> { ["2027-02-03"] = "cancel-series" }, "08:00", "10:00"));
        var moved = await a.PostAsJsonAsync("/api/v1/series", Series(app.Site.ProKitchen, ["wednesday"], "2027-01-27", "2027-02-10",
            new Dictionary<string, string> { ["2027-02-03"] = "move" }, "08:00", "10:00"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Series.CountAsync()));
        var id = (await moved.JsonAsync()).GetProperty("id").GetInt32();
        var third = await app.WithDbAsync(db => db.Bookings.SingleAsync(x => x.SeriesId == id && x.OccurrenceDay == new LocalDate(2027, 2, 3)));
        Assert.Equal(Instant.FromUtc(2027, 2, 3, 8, 0), third.Start); // 09:00 Paris, right after partner B
    }

    [Fact]
    public async Task The_calendar_feed_holds_exactly_the_partner_s_occurrences_with_utc_instants_across_dst_and_a_revoked_feed_is_gone()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        var created = await a.PostAsJsonAsync("/api/v1/series", Series(app.Site.ProKitchen, ["sunday"], "2027-03-21", "2027-04-04"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await b.BookBlockAsync(app.Site.ProKitchen, "2027-03-28T14:00", "2027-03-28T16:00", app.Site.PartnerB);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RenewAsync(app.Site.PartnerA, null, CancellationToken.None);
        }

        var text = await app.CreateClient().GetStringAsync($"/feeds/{token}.ics");
        var calendar = Calendar.Load(text)!;
        var mine = await app.WithDbAsync(db => db.Bookings.Where(x => x.PartnerId == app.Site.PartnerA
            && (x.Status == BookingStatus.Confirmed || x.Status == BookingStatus.Pending)).Select(x => x.Id).ToListAsync());

        Assert.Equal(mine.Select(id => $"booking-{id}@cantinaops.test").Order(), calendar.Events.Select(e => e.Uid!).Order());
        var spring = calendar.Events.Where(e => e.DtStart!.Value.Date == new DateTime(2027, 3, 28).Date).ToList();
        Assert.Single(spring);
        Assert.Equal(new DateTime(2027, 3, 28, 5, 30, 0, DateTimeKind.Utc), spring[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 21, 6, 30, 0, DateTimeKind.Utc),
            calendar.Events.Single(e => e.DtStart!.Value.Date == new DateTime(2027, 3, 21).Date).DtStart!.AsUtc);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RevokeAsync(app.Site.PartnerA, null, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/feeds/{token}.ics")).StatusCode);
    }

    [Fact]
    public async Task Meals_are_declared_for_an_own_started_session_only()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        var id = (await (await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-16T08:00", "2026-12-16T12:00", app.Site.PartnerA)).JsonAsync())
            .GetProperty("id").GetInt32();
        var body = new { meals = 120, byKind = new[] { new { kind = "plats chauds", count = 100 }, new { kind = "desserts", count = 20 } } };

        var tooEarly = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", body);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 16, 12, 0));
        try
        {
            var other = await b.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", body);
            var wrongSum = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", new { meals = 10, byKind = new[] { new { kind = "x", count = 3 } } });
            var ok = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", body);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, wrongSum.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var report = await app.WithDbAsync(db => db.SessionReports.SingleAsync(r => r.BookingId == id));
        Assert.Equal(120, report.Meals);
        Assert.Equal(2, report.ByKind.Count);
    }
}
