using System.Net;
using System.Net.Http.Json;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Security;

/// <summary>Each input once found to answer 500 now answers a form error or a 4xx (the sweep covers the rest).</summary>
public class KnownBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static void AssertNot5xx(HttpResponseMessage response, string what) =>
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");

    [Fact]
    public async Task A_blank_sign_in_link_goes_back_to_the_sign_in_page()
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/f/%20");

        Assert.Equal("/Family/SignIn", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("2027-03-28T02:00", 0)]
    [InlineData("2027-03-28T02:30", 1)]
    [InlineData("2026-12-03T10:00+14:00", 2)]
    [InlineData("2027-03-28T02:59", 3)] // an instant with Z or an offset always exists: accepted since the API takes them
    public async Task A_dryer_time_that_does_not_exist_on_the_site_s_clock_is_refused_on_the_ticket(string start, int n)
    {
        var household = app.Site.Households[50 + n];
        var wash = await (await app.SignedInAsync(TestSite.Desk)).BookAsync(app.Site.Washer2, $"2026-12-03T{14 + n}:00", household);
        var id = (await wash.JsonAsync()).GetProperty("id").GetInt32();
        var family = await app.SignedInFamilyAsync(household);

        var response = await family.SubmitAsync($"/Family/Ticket?id={id}", new Dictionary<string, string> { ["start"] = start },
            $"/Family/Ticket?id={id}&handler=Dryer");
        var outside = await family.SubmitAsync($"/Family/Ticket?id={id}", new Dictionary<string, string> { ["start"] = "9999-12-31T23:59" },
            $"/Family/Ticket?id={id}&handler=Dryer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // back to the ticket, with the rule said
        Assert.Equal($"/Family/Ticket?id={id}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task A_family_joining_the_waitlist_of_an_unknown_space_gets_404()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[60]);

        var response = await family.SubmitAsync("/Family", new Dictionary<string, string> { ["Space"] = "999", ["Day"] = "2026-12-03" },
            "/Family/Book?handler=Waitlist&space=999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Partner?from=9999-12-31", TestSite.PartnerAUser)]
    [InlineData("/Partner/Schedule?month=9999-12", TestSite.PartnerAUser)]
    [InlineData("/Partner/Schedule?month=-0001-01", TestSite.PartnerAUser)]
    [InlineData("/Desk/Week?week=9999-12-30", TestSite.Desk)]
    [InlineData("/Desk/Week?week=-0001-01-01", TestSite.Desk)]
    [InlineData("/Print/Week?space=1&week=9999-12-30", TestSite.Desk)]
    [InlineData("/Print/Family?household=1&week=-0001-01-01", TestSite.Desk)]
    [InlineData("/Desk/Book?day=9999-12-30", TestSite.Desk)]
    public async Task A_date_outside_the_app_s_window_in_a_page_address_shows_the_default_instead(string path, string user)
    {
        var client = await app.SignedInBrowserAsync(user);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_dates_outside_the_window_are_400_problems()
    {
        var api = await app.SignedInAsync(TestSite.Coordinator);

        var availability = await api.GetAsync("/api/v1/availability?from=9999-12-25");
        var booking = await api.BookAsync(app.Site.Washer1, "9999-12-31T23:59", app.Site.Households[52]);
        var preview = await api.PostAsJsonAsync("/api/v1/series/preview", new
        {
            resourceId = app.Site.ProKitchen, days = new[] { "Tuesday" }, start = "07:30", end = "13:00", from = "2026-12-01", to = "9999-12-30",
            partnerId = app.Site.PartnerA,
        });

        foreach (var response in new[] { availability, booking, preview })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Rules_refuse_an_unknown_checklist_item_and_a_slot_length_for_no_kind_of_machine()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var retire = await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string> { ["retireId"] = "0" },
            "/Coordinator/Rules?handler=Checklist");
        var slots = await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string> { ["minutes[Bogus]"] = "30" },
            "/Coordinator/Rules?handler=Slots");

        Assert.Equal(HttpStatusCode.NotFound, retire.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slots.StatusCode);
        Assert.Contains("role=\"alert\"", await slots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_a_user_for_an_unknown_partner_is_a_form_error()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var response = await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string>
        {
            ["email"] = "ghost-partner@test.cantinaops.org", ["role"] = "Partner", ["partnerId"] = "999999",
        }, "/Coordinator/Accounts?handler=Invite");

        AssertNot5xx(response, "invite");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "ghost-partner@test.cantinaops.org")));
    }

    [Theory]
    [InlineData("-0001-01-01", "2026-12-31")]
    [InlineData("2026-01-01", "9999-12-31")]
    public async Task An_agreement_or_a_closure_dated_outside_the_window_is_refused_and_the_pages_still_open(string first, string last)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var spaceId = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.ProKitchen).Select(r => r.SpaceId).SingleAsync());

        var agreement = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerB}", ["first"] = first, ["last"] = last, ["spaceIds"] = $"{spaceId}",
        }, "/Coordinator/Partners?handler=Agreement");
        var closure = await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = first, ["Last"] = last, ["Reason"] = "far", ["Confirm"] = "true",
        }, "/Coordinator/Closures?handler=Add");

        Assert.Equal(HttpStatusCode.OK, agreement.StatusCode); // the form again, with its error
        Assert.Equal(HttpStatusCode.OK, closure.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Coordinator/Partners")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Coordinator/Closures")).StatusCode);
    }
}
