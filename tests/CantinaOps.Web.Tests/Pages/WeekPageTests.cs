using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CantinaOps.Web.Tests.Pages;

public class WeekPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Desk/Week");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_volunteer_sees_the_week_with_household_codes_and_free_slots()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer2, "2026-12-01T15:00", app.Site.Households[30]);
        var browser = await app.SignedInBrowserAsync(TestSite.Desk);

        var html = await browser.GetStringAsync("/Desk/Week?week=2026-12-01");

        Assert.Contains("mardi 1 décembre", html, StringComparison.Ordinal);
        Assert.Contains("TAA-30", html, StringComparison.Ordinal);
        Assert.Contains("Washer 2", html, StringComparison.Ordinal);
        Assert.Contains("class=\"free\"", html, StringComparison.Ordinal);
        // Christmas is closed: Friday 25 December has no table.
        var christmasWeek = await browser.GetStringAsync("/Desk/Week?week=2026-12-21");
        Assert.DoesNotContain("vendredi 25 décembre", christmasWeek, StringComparison.Ordinal);
        Assert.Contains("jeudi 24 décembre", christmasWeek, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_email_and_says_what_is_wrong()
    {
        var client = app.CreateClient();

        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestSite.Desk,
            ["Input.Password"] = "wrong password",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("incorrect", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{TestSite.Desk}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_cannot_open_the_desk_pages()
    {
        var browser = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var response = await browser.GetAsync("/Desk/Week");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = app.CreateClient();

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestSite.Desk,
            ["Input.Password"] = TestSite.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
