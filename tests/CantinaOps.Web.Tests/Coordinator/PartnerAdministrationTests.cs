using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>The coordinator edits a partner and ends a partnership; after its last day no block is accepted.</summary>
public class PartnerAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_partner_is_renamed_and_once_ended_its_blocks_after_the_last_day_are_refused()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var partner = await app.SignedInAsync(TestSite.PartnerBUser);

        var renamed = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerB}", ["name"] = "Épicerie solidaire", ["contact"] = "epicerie@example.org",
        }, "/Coordinator/Partners?handler=Edit");
        var ended = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerB}", ["last"] = "2027-01-31",
        }, "/Coordinator/Partners?handler=End");
        var before = await partner.BookBlockAsync(app.Site.ProKitchen, "2027-01-29T08:00", "2027-01-29T12:00", app.Site.PartnerB);
        var after = await partner.BookBlockAsync(app.Site.ProKitchen, "2027-02-02T08:00", "2027-02-02T12:00", app.Site.PartnerB);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Partners"));

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var row = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.Id == app.Site.PartnerB));
        Assert.Equal(("Épicerie solidaire", "epicerie@example.org", false), (row.Name, row.Contact, row.IsActive));
        Assert.Equal(new LocalDate(2027, 1, 31), await app.WithDbAsync(db => db.Agreements.Where(a => a.PartnerId == app.Site.PartnerB).MaxAsync(a => a.LastDay)));
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal("outside-agreement", (await after.JsonAsync()).GetProperty("rule").GetString());
        Assert.Contains("partenariat terminé", page, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Subject == $"partner {app.Site.PartnerB}"
            && (a.Action == "partner.edit" || a.Action == "partner.end"))));
    }

    [Fact]
    public async Task Ending_before_an_agreement_starts_or_with_no_date_is_a_form_error_and_changes_nothing()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var early = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerA}", ["last"] = "2025-06-30",
        }, "/Coordinator/Partners?handler=End");
        var none = await coordinator.SubmitAsync("/Coordinator/Partners", new Dictionary<string, string>
        {
            ["partnerId"] = $"{app.Site.PartnerA}", ["last"] = "",
        }, "/Coordinator/Partners?handler=End");

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Une convention se termine le jour où elle commence ou après.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Partners.Where(p => p.Id == app.Site.PartnerA).Select(p => p.IsActive).SingleAsync()));
    }
}
