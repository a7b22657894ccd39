using System.Net;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>Values the domain refuses come back as form errors with what was typed: never "Saved", never a 500.</summary>
public class RuleValidationPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_quota_from_0_people_at_minus_3_a_week_is_a_form_error_that_keeps_what_was_typed()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var response = await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string>
        {
            ["kind"] = "Laundry", ["fromSize"] = "0", ["perWeek"] = "-3",
        }, "/Coordinator/Rules?handler=Quota");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rien n'a été enregistré", html, StringComparison.Ordinal);
        Assert.DoesNotContain("✔", html, StringComparison.Ordinal);
        Assert.Contains("name=\"fromSize\" type=\"number\" min=\"1\" max=\"30\" value=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-3\"", html, StringComparison.Ordinal);
        Assert.Equal([(1, 2), (5, 3)], await app.WithDbAsync(db => db.Set<QuotaTier>().OrderBy(q => q.FromHouseholdSize)
            .Select(q => new ValueTuple<int, int>(q.FromHouseholdSize, q.BookingsPerWeek)).ToListAsync()));
    }

    [Theory]
    [InlineData(SpaceKind.ProfessionalKitchen, "Dryer")]
    [InlineData(SpaceKind.ProfessionalKitchen, "Washer")]
    [InlineData(SpaceKind.Laundry, "ProfessionalKitchen")]
    public async Task A_resource_of_a_kind_that_does_not_belong_in_the_space_is_a_form_error(SpaceKind space, string kind)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var spaceId = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == space).Select(s => s.Id).SingleAsync());

        var response = await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string>
        {
            ["spaceId"] = $"{spaceId}", ["resourceName"] = "Machine 9", ["kind"] = kind, ["capacity"] = "1",
        }, "/Coordinator/Spaces?handler=AddResource");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'a pas sa place dans cet espace", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Machine 9\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Resources.AnyAsync(r => r.Name == "Machine 9")));
    }

    [Fact]
    public async Task The_space_s_form_offers_only_the_kinds_that_belong_in_it()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var pro = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.ProfessionalKitchen).Select(s => s.Id).SingleAsync());

        var html = await coordinator.GetStringAsync("/Coordinator/Spaces");
        var select = html[html.IndexOf($"id=\"kind-{pro}\"", StringComparison.Ordinal)..];
        select = select[..select.IndexOf("</select>", StringComparison.Ordinal)];

        Assert.Contains("ProfessionalKitchen", select, StringComparison.Ordinal);
        Assert.DoesNotContain("Dryer", select, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-0001-01-01", "2026-12-31", "Les dates vont du 2000-01-01 au 2100-12-31.")]
    [InlineData("2026-06-01", "2026-05-31", "Une convention se termine le jour où elle commence ou après.")]
    [InlineData("2026-06-01", "9999-12-31", "Les dates vont du 2000-01-01 au 2100-12-31.")]
    public async Task An_agreement_outside_the_window_or_ending_before_it_starts_is_a_form_error_and_the_page_still_loads(
        string first, string last, string message)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var pro = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.ProfessionalKitchen).Select(s => s.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Agreements.CountAsync());

        var response = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerA}", ["first"] = first, ["last"] = last, ["spaceIds"] = $"{pro}",
        }, "/Coordinator/Partners?handler=Agreement");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{last}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Agreements.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Coordinator/Partners")).StatusCode);
    }

    [Fact]
    public async Task A_closure_dated_year_minus_1_is_a_form_error()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var response = await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = "-0001-01-01", ["Last"] = "2026-12-31", ["Reason"] = "Erreur",
        }, "/Coordinator/Closures?handler=Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2000-01-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.Reason == "Erreur")));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Coordinator/Closures")).StatusCode);
    }
}
