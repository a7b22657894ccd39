using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Partner;

/// <summary>The partner's own pages over HTTP, the way a browser posts them.</summary>
public class PartnerPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<Booking>> SeriesAsync(string day, string from, string to)
    {
        var api = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await api.PostAsJsonAsync("/api/v1/series",
            new { resourceId = app.Site.ProKitchen, days = new[] { day }, start = "07:30", end = "13:00", from, to });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        return await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.SeriesId == id).OrderBy(b => b.OccurrenceDay).ToListAsync());
    }

    [Fact]
    public async Task Signing_in_brings_a_partner_to_its_calendar()
    {
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var home = await partner.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Partner", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Move_names_the_block_and_starts_from_its_times_and_another_partner_s_block_is_not_found()
    {
        var rows = await SeriesAsync("thursday", "2027-01-07", "2027-01-21");
        var mine = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        var other = await app.SignedInBrowserAsync(TestSite.PartnerBUser);

        var page = WebUtility.HtmlDecode(await mine.GetStringAsync($"/Partner/Move?id={rows[1].Id}"));

        Assert.Contains("jeudi 14 janvier 2027", page, StringComparison.Ordinal);
        Assert.Contains("07:30–13:00", page, StringComparison.Ordinal);
        Assert.Contains("name=\"From\" type=\"time\" step=\"900\" value=\"07:30\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"To\" type=\"time\" step=\"900\" value=\"13:00\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Partner/Move?id={rows[1].Id}")).StatusCode);
    }

    [Fact]
    public async Task Cancel_this_and_all_following_asks_first_and_the_cancelled_dates_stay_in_the_calendar()
    {
        var rows = await SeriesAsync("monday", "2027-02-01", "2027-02-22");
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var asked = await partner.SubmitAsync("/Partner?from=2027-02-01", new Dictionary<string, string>(),
            $"/Partner?handler=Cancel&id={rows[2].Id}&following=true&from=2027-02-01");
        var stillActive = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.SeriesId == rows[0].SeriesId && b.Status == BookingStatus.Confirmed));
        var question = WebUtility.HtmlDecode(await partner.GetStringAsync(asked.Headers.Location!.OriginalString));
        var done = await partner.SubmitAsync("/Partner?from=2027-02-01", new Dictionary<string, string>(),
            $"/Partner?handler=Cancel&id={rows[2].Id}&following=true&confirmed=true&from=2027-02-01");
        var calendar = WebUtility.HtmlDecode(await partner.GetStringAsync(done.Headers.Location!.OriginalString));

        Assert.Equal(4, stillActive);
        Assert.Contains("Annuler le lundi 15 février 2027 et toutes les dates suivantes de la série ?", question, StringComparison.Ordinal);
        Assert.Equal("/Partner?from=2027-02-01", done.Headers.Location!.OriginalString);
        Assert.Equal(2, calendar.Split("status-cancelled").Length - 1);
        Assert.Equal(2, calendar.Split("status-confirmed").Length - 1);
    }
}
