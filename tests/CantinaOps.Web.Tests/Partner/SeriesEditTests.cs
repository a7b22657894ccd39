using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Tests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Partner;

public class SeriesEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> SeriesAsync(string day, string from, string to)
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await a.PostAsJsonAsync("/api/v1/series", new { resourceId = app.Site.ProKitchen, days = new[] { day }, start = "07:30", end = "11:00", from, to });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Editing_one_occurrence_moves_only_it_and_editing_following_moves_the_rest_into_a_new_series()
    {
        var seriesId = await SeriesAsync("monday", "2027-02-01", "2027-02-22");
        var rows = await app.WithDbAsync(db => db.Bookings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.OccurrenceDay).ToListAsync());
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        await partner.SubmitAsync($"/Partner/Move?id={rows[0].Id}", new Dictionary<string, string> { ["Id"] = $"{rows[0].Id}", ["From"] = "09:00", ["To"] = "12:00" });
        await partner.SubmitAsync($"/Partner/Move?id={rows[2].Id}", new Dictionary<string, string>
        {
            ["Id"] = $"{rows[2].Id}",
            ["From"] = "14:00",
            ["To"] = "17:00",
            ["Following"] = "true",
        });

        var after = await app.WithDbAsync(db => db.Bookings.Where(b => rows.Select(r => r.Id).Contains(b.Id)).OrderBy(b => b.OccurrenceDay).ToListAsync());
        Assert.Equal([8, 6, 13, 13], after.Select(b => b.Start.InUtc().Hour)); // 09:00, 07:30 (06:30 UTC), 14:00, 14:00 Paris
        Assert.Equal(seriesId, after[1].SeriesId);
        Assert.NotEqual(seriesId, after[2].SeriesId);
        Assert.Equal(after[2].SeriesId, after[3].SeriesId);
        var split = await app.WithDbAsync(db => db.Series.Where(s => s.Id == seriesId || s.Id == after[2].SeriesId).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(new LocalDate(2027, 2, 14), split[0].LastDay);
        Assert.Equal(new LocalDate(2027, 2, 15), split[1].FirstDay);
        Assert.Equal(new LocalTime(14, 0), split[1].Start);
    }

    [Fact]
    public async Task Editing_following_occurrences_moves_all_or_none_when_one_would_collide()
    {
        var seriesId = await SeriesAsync("tuesday", "2027-03-02", "2027-03-23");
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await b.BookBlockAsync(app.Site.ProKitchen, "2027-03-23T15:00", "2027-03-23T16:00", app.Site.PartnerB);
        var rows = await app.WithDbAsync(db => db.Bookings.Where(x => x.SeriesId == seriesId).OrderBy(x => x.OccurrenceDay).ToListAsync());
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var response = await partner.SubmitAsync($"/Partner/Move?id={rows[1].Id}", new Dictionary<string, string>
        {
            ["Id"] = $"{rows[1].Id}",
            ["From"] = "14:00",
            ["To"] = "17:00",
            ["Following"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("23 mars", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.Bookings.Where(x => x.SeriesId == seriesId).OrderBy(x => x.OccurrenceDay).ToListAsync());
        Assert.All(after, x => Assert.Equal(6, x.Start.InUtc().Hour)); // all still 07:30 Paris
        Assert.Single(await app.WithDbAsync(db => db.Series.Where(s => s.PartnerId == app.Site.PartnerA && s.FirstDay == new LocalDate(2027, 3, 2)).ToListAsync()));
    }

    [Fact]
    public async Task A_household_s_own_feed_holds_only_its_bookings()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var mine = (await (await desk.BookAsync(app.Site.Washer1, "2026-12-02T09:00", app.Site.Households[180])).JsonAsync()).GetProperty("id").GetInt32();
        await desk.BookAsync(app.Site.Washer2, "2026-12-02T09:00", app.Site.Households[181]);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<CalendarFeeds>().RenewAsync(null, app.Site.Households[180], CancellationToken.None);
        }

        var calendar = Calendar.Load(await app.CreateClient().GetStringAsync($"/feeds/{token}.ics"))!;

        Assert.Equal([$"booking-{mine}@cantinaops.test"], calendar.Events.Select(e => e.Uid));
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), calendar.Events.Single().DtStart!.AsUtc);
    }
}
