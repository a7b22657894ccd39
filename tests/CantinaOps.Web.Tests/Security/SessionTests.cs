using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Security;

/// <summary>The app with the production lifetime of access tokens.</summary>
public sealed class ShortTokensApp : AppFactory
{
    protected override int AccessTokenMinutes => 15;
}

/// <summary>Withdrawn access ends at once: on the very next request, by cookie or by bearer token.</summary>
public class SessionTests(ShortTokensApp app) : IClassFixture<ShortTokensApp>
{
    private static Task<HttpResponseMessage> SetActiveAsync(HttpClient coordinator, string id, bool active) =>
        coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["active"] = active ? "True" : "False" },
            $"/Coordinator/Accounts?handler=Active&id={id}");

    [Fact]
    public async Task A_deactivated_account_s_open_cookie_and_bearer_token_are_refused_on_their_next_request()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Desk);
        var browser = await app.SignedInBrowserAsync(email);
        var api = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Desk/Households")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/resources")).StatusCode);

        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await SetActiveAsync(coordinator, id, active: false)).StatusCode);

        var page = await browser.GetAsync("/Desk/Households");
        Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{page.StatusCode} {page.Headers.Location}");
        Assert.True(page.Headers.Location?.PathAndQuery.StartsWith("/Account/Login", StringComparison.Ordinal), $"{page.Headers.Location}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/resources")).StatusCode);
        var register = await api.PostAsJsonAsync("/api/v1/households", new { size = 2, language = "fr" });
        Assert.Equal(HttpStatusCode.Unauthorized, register.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Households.CountAsync(h => h.CreatedAt > AppFactory.Now)));

        // Reactivating does not revive the old sessions: their stamp is gone for good.
        Assert.Equal(HttpStatusCode.Redirect, (await SetActiveAsync(coordinator, id, active: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(email)).GetAsync("/api/v1/resources")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_cannot_change_their_own_role_nor_deactivate_themselves()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Coordinator);
        var self = await app.SignedInBrowserAsync(email);

        var demote = await self.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["role"] = "Desk" },
            $"/Coordinator/Accounts?handler=Role&id={id}");
        var deactivate = await SetActiveAsync(self, id, active: false);

        Assert.Contains("votre propre compte", WebUtility.HtmlDecode(await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("votre propre compte", WebUtility.HtmlDecode(await deactivate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync("/Coordinator/Accounts")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_coordinator_is_refused_the_accounts_page_on_the_next_request_and_cannot_promote_itself_back()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Coordinator);
        var demoted = await app.SignedInBrowserAsync(email);
        var api = await app.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/Coordinator/Accounts")).StatusCode);
        var promoteBack = await demoted.GetStringAsync("/Coordinator/Accounts"); // a form opened while still coordinator

        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var demote = await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["role"] = "Desk" },
            $"/Coordinator/Accounts?handler=Role&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);

        var accounts = await demoted.GetAsync("/Coordinator/Accounts");
        Assert.Equal(HttpStatusCode.Redirect, accounts.StatusCode);
        Assert.StartsWith("/Account/Denied", accounts.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/Desk")).StatusCode); // now a desk volunteer
        var token = System.Text.RegularExpressions.Regex.Match(promoteBack, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var back = await demoted.PostAsync($"/Coordinator/Accounts?handler=Role&id={id}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["role"] = "Coordinator", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/Account/Denied", back.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(["Desk"], await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == id)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/resources")).StatusCode); // desk may use the API
    }

    [Fact]
    public async Task An_access_token_is_short_lived_and_the_refresh_token_renews_it_only_while_the_account_is_active()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Desk);
        var client = app.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestSite.Password })).JsonAsync();
        Assert.Equal(15 * 60, login.GetProperty("expiresIn").GetInt64());
        var refreshToken = login.GetProperty("refreshToken").GetString();

        app.Clock.Advance(Duration.FromMinutes(16));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/resources")).StatusCode);

        var refreshed = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await refreshed.JsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/resources")).StatusCode);

        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await SetActiveAsync(coordinator, id, active: false)).StatusCode);
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh",
            new { refreshToken = renewed.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "made-up" })).StatusCode);
    }
}

/// <summary>A family's session ends when the desk withdraws its way in.</summary>
public class FamilySessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task AssertSignedOutAsync(HttpClient family)
    {
        var home = await family.GetAsync("/Family");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Family/SignIn", home.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_pin_ends_the_family_s_open_session()
    {
        var household = app.Site.Households[10];
        var family = await app.SignedInFamilyAsync(household);
        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync("/Family")).StatusCode);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var pin = await desk.SubmitAsync($"/Desk/Households/Edit?id={household}", new Dictionary<string, string>(),
            $"/Desk/Households/Edit?id={household}&handler=NewPin");

        Assert.Equal(HttpStatusCode.Redirect, pin.StatusCode);
        await AssertSignedOutAsync(family);
    }

    [Fact]
    public async Task Deactivation_ends_the_family_s_session_and_it_can_no_longer_cancel()
    {
        var household = app.Site.Households[11];
        var family = await app.SignedInFamilyAsync(household);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var booked = await (await app.SignedInAsync(TestSite.Desk)).BookAsync(app.Site.Washer1, "2026-12-02T09:00", household);
        var bookingId = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        var cancelForm = await family.GetStringAsync("/Family/Bookings");

        var off = await desk.SubmitAsync($"/Desk/Households/Status?id={household}",
            new Dictionary<string, string> { ["active"] = "false", ["confirm"] = "true" }, $"/Desk/Households/Status?id={household}");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

        await AssertSignedOutAsync(family);
        var token = System.Text.RegularExpressions.Regex.Match(cancelForm, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cancel = await family.PostAsync($"/Family/Bookings?handler=Cancel&id={bookingId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirm"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.StartsWith("/Family/SignIn", cancel.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(Domain.Bookings.BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Merging_the_household_into_another_ends_its_session()
    {
        var duplicate = app.Site.Households[12];
        var kept = app.Site.Households[13];
        var family = await app.SignedInFamilyAsync(duplicate);
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == duplicate).Select(h => h.Code).SingleAsync());
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var merge = await desk.SubmitAsync($"/Desk/Households/Edit?id={kept}", new Dictionary<string, string> { ["DuplicateCode"] = code },
            $"/Desk/Households/Edit?id={kept}&handler=Merge");

        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        await AssertSignedOutAsync(family);
    }

    [Fact]
    public async Task A_family_session_from_before_is_still_good_when_nothing_changed()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[14]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var other = app.Site.Households[15];
        await desk.SubmitAsync($"/Desk/Households/Edit?id={other}", new Dictionary<string, string>(), $"/Desk/Households/Edit?id={other}&handler=NewPin");

        Assert.Equal(HttpStatusCode.OK, (await family.GetAsync("/Family")).StatusCode);
    }
}

/// <summary>The jobs dashboard reads Hangfire's process-wide storage: run alone, like the other dashboard tests.</summary>
[Collection(HangfireCollection.Name)]
public class DemotedCoordinatorJobsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_demoted_coordinator_is_refused_the_jobs_dashboard_on_the_next_request()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Coordinator);
        var demoted = await app.SignedInBrowserAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/jobs")).StatusCode);

        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["role"] = "Desk" },
            $"/Coordinator/Accounts?handler=Role&id={id}");

        Assert.Equal(HttpStatusCode.Forbidden, (await demoted.GetAsync("/jobs")).StatusCode);
    }
}
