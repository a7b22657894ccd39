using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CantinaOps.Web.Tests.Security;

/// <summary>Absolute links come from App:PublicUrl: a forged Host header changes none of them.</summary>
public partial class PublicUrlTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Uri Forged = new("http://evil.example");

    private async Task<HttpClient> SignedInOnForgedHostAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged, AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = TestSite.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_feed_address_and_its_event_uids_name_the_public_url()
    {
        var partner = await SignedInOnForgedHostAsync(TestSite.PartnerAUser);
        await (await app.SignedInAsync(TestSite.PartnerAUser)).BookBlockAsync(app.Site.ProKitchen, "2026-12-08T07:30", "2026-12-08T13:00", app.Site.PartnerA);

        var page = WebUtility.HtmlDecode(await (await partner.SubmitAsync("/Partner/Feed", new Dictionary<string, string>(), "/Partner/Feed?handler=Renew"))
            .Content.ReadAsStringAsync());
        var feedUrl = FeedUrl().Match(page).Groups[1].Value;
        var calendar = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Forged }).GetStringAsync(new Uri(feedUrl).PathAndQuery);

        Assert.StartsWith(AppFactory.PublicUrl + "/feeds/", feedUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        Assert.Matches(@"UID:booking-\d+@cantinaops\.test", calendar);
        Assert.DoesNotContain("evil.example", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_link_on_a_slip_and_an_invitation_link_name_the_public_url()
    {
        var desk = await SignedInOnForgedHostAsync(TestSite.Desk);
        var household = app.Site.Households[40];
        var slip = await desk.SubmitAsync($"/Desk/Households/Edit?id={household}", new Dictionary<string, string>(),
            $"/Desk/Households/Edit?id={household}&handler=NewPin");
        var slipPage = WebUtility.HtmlDecode(await desk.GetStringAsync(slip.Headers.Location));
        var coordinator = await SignedInOnForgedHostAsync(TestSite.Coordinator);
        var invite = WebUtility.HtmlDecode(await (await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string>
        {
            ["email"] = $"invited-{Guid.NewGuid():N}@test.cantinaops.org", ["name"] = "Invitée", ["role"] = "Desk",
        }, "/Coordinator/Accounts?handler=Invite")).Content.ReadAsStringAsync());
        var printed = await desk.GetStringAsync($"/Print/Family?household={household}");

        Assert.StartsWith(AppFactory.PublicUrl + "/f/", QrCodes.ReadSvg(slipPage[slipPage.IndexOf("class=\"qr\"", StringComparison.Ordinal)..]),
            StringComparison.Ordinal);
        Assert.StartsWith(AppFactory.PublicUrl + "/Desk/Households/Scan?t=", QrCodes.ReadSvg(printed[printed.IndexOf("class=\"qr\"", StringComparison.Ordinal)..]),
            StringComparison.Ordinal);
        Assert.Contains($"value=\"{AppFactory.PublicUrl}/Account/SetPassword?", invite, StringComparison.Ordinal);
        Assert.All(new[] { slipPage, invite, printed }, html => Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal));
    }

    [GeneratedRegex("id=\"url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
