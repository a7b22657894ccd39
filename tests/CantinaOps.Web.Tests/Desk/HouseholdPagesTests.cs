using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

public class HouseholdPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_shows_the_code_and_pin_once_and_the_family_can_sign_in_with_them()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var created = await desk.SubmitAsync("/Desk/Households/New", new Dictionary<string, string>
        {
            ["Input.Size"] = "4",
            ["Input.Language"] = "uk",
            ["Input.Phone"] = "+380 67 123 4567",
            ["Input.Hotel"] = "Hôtel du Parc",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slip = await desk.GetStringAsync(created.Headers.Location!.ToString());
        var again = await desk.GetStringAsync(created.Headers.Location!.ToString());

        var code = System.Text.RegularExpressions.Regex.Match(slip, "class=\"slip-code\">([A-Z0-9]{3}-[0-9]{2})<").Groups[1].Value;
        var pin = System.Text.RegularExpressions.Regex.Match(slip, "class=\"slip-code\">([0-9]{6})<").Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", pin);
        Assert.Contains("<svg", slip, StringComparison.Ordinal);
        Assert.DoesNotContain(pin, again, StringComparison.Ordinal);
        var household = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Code == code));
        Assert.Equal("+380671234567", household.Phone);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "household.register" && a.Subject == code)));

        var family = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await family.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = code, ["Pin"] = pin });
        Assert.Equal("/Family", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_bad_phone_keeps_what_was_typed_and_stores_nothing()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var before = await app.WithDbAsync(db => db.Households.CountAsync());

        var response = await desk.SubmitAsync("/Desk/Households/New", new Dictionary<string, string>
        {
            ["Input.Size"] = "3",
            ["Input.Language"] = "ar",
            ["Input.Phone"] = "12",
            ["Input.DisplayName"] = "Amina",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce numéro de téléphone n'est pas valable.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Amina\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ar\" lang=\"ar\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task Merging_a_duplicate_moves_its_bookings_and_closes_it()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Dryer, "2026-12-03T09:00", app.Site.Households[121]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var kept = app.Site.Households[120];

        var response = await desk.SubmitAsync($"/Desk/Households/Edit?id={kept}", new Dictionary<string, string> { ["DuplicateCode"] = "tbb 21" },
            $"/Desk/Households/Edit?id={kept}&handler=Merge");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == kept)));
        var duplicate = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Id == app.Site.Households[121]));
        Assert.False(duplicate.IsActive);
        Assert.Equal(kept, duplicate.MergedIntoId);
    }

    [Fact]
    public async Task Deactivating_a_household_stops_its_bookings_and_its_sign_in()
    {
        var id = app.Site.Households[122];
        var secrets = await app.IssueAccessAsync(id);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        await desk.SubmitAsync($"/Desk/Households/Status?id={id}", new Dictionary<string, string> { ["active"] = "False", ["confirm"] = "true" },
            $"/Desk/Households/Status?id={id}");

        var api = await app.SignedInAsync(TestSite.Desk);
        var refused = await api.BookAsync(app.Site.Washer1, "2026-12-03T14:00", id);
        Assert.Equal("household-inactive", (await refused.JsonAsync()).GetProperty("rule").GetString());
        var family = app.CreateClient();
        var signIn = await family.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-22", ["Pin"] = secrets.Pin });
        Assert.Contains("n'est pas bon", WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_is_for_coordinators_only()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync("/Audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Audit")).StatusCode);
    }
}
