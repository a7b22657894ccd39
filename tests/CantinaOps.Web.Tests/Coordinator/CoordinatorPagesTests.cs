using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

public class CoordinatorPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task SetApprovalAsync(bool required)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var spaceId = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.ProKitchen).Select(r => r.SpaceId).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["spaceId"] = $"{spaceId}",
            ["name"] = "Pro kitchen",
            ["noticeMinutes"] = "1440",
            ["horizonDays"] = "365",
            ["requiresApproval"] = required ? "true" : "false",
            ["Confirm"] = "true",
        };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday" })
        {
            fields[$"hours[{day}]"] = "07:00-19:00";
        }

        var response = await coordinator.SubmitAsync("/Coordinator/Spaces", fields, "/Coordinator/Spaces?handler=Space");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_pending_request_holds_its_time_and_approval_re_checks_it()
    {
        await SetApprovalAsync(true);
        try
        {
            var a = await app.SignedInAsync(TestSite.PartnerAUser);
            var b = await app.SignedInAsync(TestSite.PartnerBUser);
            var request = await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-21T08:00", "2026-12-21T12:00", app.Site.PartnerA);
            var second = await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-22T08:00", "2026-12-22T12:00", app.Site.PartnerA);
            var meanwhile = await b.BookBlockAsync(app.Site.ProKitchen, "2026-12-21T10:00", "2026-12-21T11:00", app.Site.PartnerB);
            var requested = await request.JsonAsync();
            Assert.Equal("pending", requested.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, meanwhile.StatusCode);
            var first = requested.GetProperty("id").GetInt32();
            var other = (await second.JsonAsync()).GetProperty("id").GetInt32();

            var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
            await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
            {
                ["First"] = "2026-12-21",
                ["Reason"] = "Désinfection",
                ["Confirm"] = "true",
            }, "/Coordinator/Closures?handler=Add");
            var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Requests"));
            await coordinator.SubmitAsync("/Coordinator/Requests", new Dictionary<string, string>(), $"/Coordinator/Requests?handler=Approve&id={first}");
            await coordinator.SubmitAsync("/Coordinator/Requests", new Dictionary<string, string>(), $"/Coordinator/Requests?handler=Approve&id={other}");

            Assert.Contains("Désinfection", list, StringComparison.Ordinal);
            Assert.Equal(BookingStatus.Pending, await StatusAsync(first));
            Assert.Equal(BookingStatus.Confirmed, await StatusAsync(other));

            await coordinator.SubmitAsync("/Coordinator/Requests", new Dictionary<string, string> { ["reason"] = "Fermé ce jour-là" },
                $"/Coordinator/Requests?handler=Decline&id={first}");
            Assert.Equal(BookingStatus.Declined, await StatusAsync(first));
            Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == first && n.Kind == NoticeKind.RequestDeclined)));
        }
        finally
        {
            await SetApprovalAsync(false);
        }
    }

    [Fact]
    public async Task A_new_closure_lists_the_bookings_it_affects_and_each_is_handled_explicitly()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var wash = (await (await desk.BookAsync(app.Site.Washer1, "2026-12-10T09:00", app.Site.Households[170])).JsonAsync()).GetProperty("id").GetInt32();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var fields = new Dictionary<string, string> { ["First"] = "2026-12-10", ["Reason"] = "Dégât des eaux" };
        var preview = await coordinator.SubmitAsync("/Coordinator/Closures", fields, "/Coordinator/Closures?handler=Add");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("TBB-70", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Closures.CountAsync(c => c.FirstDay == new LocalDate(2026, 12, 10))));

        fields["Confirm"] = "true";
        var saved = await coordinator.SubmitAsync("/Coordinator/Closures", fields, "/Coordinator/Closures?handler=Add");
        Assert.Equal("/Coordinator/Affected", saved.Headers.Location?.OriginalString);
        var affected = await coordinator.GetStringAsync("/Coordinator/Affected");
        Assert.Contains("TBB-70", affected, StringComparison.Ordinal);

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{wash}" }, "/Coordinator/Affected?handler=Cancel");

        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(wash));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == wash && n.Kind == NoticeKind.BookingCancelledBySite)));
        Assert.DoesNotContain("TBB-70", await coordinator.GetStringAsync("/Coordinator/Affected"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task French_public_holidays_of_the_coming_year_are_added_in_one_click()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string> { ["Confirm"] = "true" }, "/Coordinator/Closures?handler=Holidays");

        var closures = await app.WithDbAsync(db => db.Closures.Where(c => c.SpaceId == null).Select(c => c.FirstDay).ToListAsync());
        Assert.Contains(new LocalDate(2027, 3, 29), closures); // Easter Monday 2027
        Assert.Contains(new LocalDate(2027, 11, 11), closures);
        Assert.Single(closures, d => d == new LocalDate(2026, 12, 25)); // already there: not doubled
    }

    [Fact]
    public async Task An_invited_user_sets_a_password_with_the_one_time_link_and_signs_in()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var page = await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string>
        {
            ["email"] = "new.volunteer@test.cantinaops.org",
            ["name"] = "Nouvelle",
            ["role"] = "Desk",
        }, "/Coordinator/Accounts?handler=Invite");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var link = new Uri(Regex.Match(html, "id=\"link\" value=\"([^\"]+)\"").Groups[1].Value);
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var set = await visitor.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["user"] = Uri.UnescapeDataString(Regex.Match(link.Query, "user=([^&]+)").Groups[1].Value),
            ["Token"] = Uri.UnescapeDataString(Regex.Match(link.Query, "token=([^&]+)").Groups[1].Value),
            ["Password"] = "Volunteer-2026-ok",
        }, "/Account/SetPassword");
        var again = await visitor.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["user"] = Uri.UnescapeDataString(Regex.Match(link.Query, "user=([^&]+)").Groups[1].Value),
            ["Token"] = Uri.UnescapeDataString(Regex.Match(link.Query, "token=([^&]+)").Groups[1].Value),
            ["Password"] = "Another-2026-pass",
        }, "/Account/SetPassword");
        var login = await visitor.PostAsJsonAsync("/api/v1/auth/login", new { email = "new.volunteer@test.cantinaops.org", password = "Volunteer-2026-ok" });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // a used link does not work twice
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_last_coordinator_can_be_neither_deactivated_nor_demoted()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestSite.Coordinator).Select(u => u.Id).SingleAsync());

        var deactivate = await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["active"] = "False" },
            $"/Coordinator/Accounts?handler=Active&id={id}");
        var demote = await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["role"] = "Desk" },
            $"/Coordinator/Accounts?handler=Role&id={id}");

        // The only one who could try is that coordinator: a coordinator's own account is out of its reach.
        Assert.Contains("votre propre compte", WebUtility.HtmlDecode(await deactivate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("votre propre compte", WebUtility.HtmlDecode(await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Coordinator")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_this_and_following_stops_the_series_and_keeps_earlier_occurrences()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await a.PostAsJsonAsync("/api/v1/series", new
        {
            resourceId = app.Site.ProKitchen,
            days = new[] { "thursday" },
            start = "14:00",
            end = "17:00",
            from = "2027-01-07",
            to = "2027-01-28",
        });
        var seriesId = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var third = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.SeriesId == seriesId && b.OccurrenceDay == new LocalDate(2027, 1, 21)));
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        await partner.SubmitAsync("/Partner?from=2027-01-04", new Dictionary<string, string>(), $"/Partner?handler=Cancel&id={third.Id}&following=true&confirmed=true");

        var rows = await app.WithDbAsync(db => db.Bookings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.OccurrenceDay).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Cancelled, BookingStatus.Cancelled], rows);
        Assert.Equal(new LocalDate(2027, 1, 20), await app.WithDbAsync(db => db.Series.Where(s => s.Id == seriesId).Select(s => s.LastDay).SingleAsync()));
    }

    [Fact]
    public async Task Partner_and_coordinator_pages_are_closed_to_the_other_roles()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        Assert.StartsWith("/Account/Denied", (await desk.GetAsync("/Coordinator/Spaces")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/Denied", (await desk.GetAsync("/Partner")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/Denied", (await partner.GetAsync("/Coordinator/Accounts")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<BookingStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync());
}
