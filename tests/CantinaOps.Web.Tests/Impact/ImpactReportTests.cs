using System.Net;
using System.Text;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Impact;

/// <summary>The impact report: the coordinator's text kept with its period and printed with the figures; funders read it.</summary>
public class ImpactReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string December = "From=2026-12-01&To=2026-12-31";
    private const string Page = "/Coordinator/Impact/Report?" + December;

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC);
    }

    /// <summary>One visit in December: one household served, counted by the real check-in.</summary>
    private async Task VisitAsync()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var booked = await desk.BookAsync(app.Site.Washer1, "2026-12-02T09:00", app.Site.Households[0]);
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_s_text_is_kept_with_its_period_and_printed_with_the_figures_and_their_definitions()
    {
        await VisitAsync();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var saved = await coordinator.SubmitAsync(Page, new Dictionary<string, string> { ["Text"] = "Hiver difficile :\r\nla laverie a tourné à plein." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Another period has no text: each report keeps its own.
        Assert.DoesNotContain("Hiver difficile", await coordinator.GetStringAsync("/Coordinator/Impact/Report?From=2026-11-01&To=2026-11-30"), StringComparison.Ordinal);
        Assert.Contains("Hiver difficile", await coordinator.GetStringAsync(Page), StringComparison.Ordinal);

        var response = await coordinator.GetAsync(Page + "&handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Rapport d'impact", text, StringComparison.Ordinal);
        Assert.Contains("1 décembre 2026 – 31 décembre 2026", text, StringComparison.Ordinal);
        Assert.Contains("Période précédente", text, StringComparison.Ordinal);
        Assert.Matches(@"Ménages servis\s*1\s*0\s*0", text); // this month, the month before, a year before
        Assert.Contains("Hiver difficile :", text, StringComparison.Ordinal);
        Assert.Contains("la laverie a tourné à plein.", text, StringComparison.Ordinal);
        Assert.Contains("Ménages distincts ayant au moins une réservation pointée", text, StringComparison.Ordinal); // its definition
        Assert.Contains("Prévision des 4 semaines à venir", text, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Households.Where(h => h.Id == app.Site.Households[0]).Select(h => h.Code).SingleAsync()),
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_too_long_is_refused_kept_in_the_box_and_the_saved_one_stays()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        const string page = "/Coordinator/Impact/Report?From=2026-10-01&To=2026-10-31";
        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Text"] = "Premier texte." });
        var tooLong = new string('a', 4001);
        var refused = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Text"] = tooLong });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("trop long", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);
        Assert.Equal("Premier texte.", await app.WithDbAsync(db => db.ImpactReports.Where(r => r.From == new NodaTime.LocalDate(2026, 10, 1)).Select(r => r.Text).SingleAsync()));
    }

    [Fact]
    public async Task A_funder_reads_the_text_and_the_PDF_but_cannot_write_and_the_desk_sees_neither()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        const string page = "/Coordinator/Impact/Report?From=2026-09-01&To=2026-09-30";
        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Text"] = "Rentrée : 12 nouvelles familles." });

        var funder = await app.SignedInBrowserAsync(TestSite.Funder);
        var html = await funder.GetStringAsync(page);
        Assert.Contains("Rentrée : 12 nouvelles familles.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea", html, StringComparison.Ordinal);
        var pdf = await funder.GetAsync(page + "&handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("Rentrée : 12 nouvelles familles.", Text(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // The funder's page has no text box; posting one anyway, with the funder's own valid token (from the sign-out form), is refused.
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        var posted = await funder.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = "Écrit par un financeur", ["__RequestVerificationToken"] = token.Groups[1].Value,
        }));
        // A signed-in account without the right is shown the access-denied page, not sent back to sign in.
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden
            || (posted.StatusCode == HttpStatusCode.Redirect && posted.Headers.Location!.ToString().Contains("/Account/Denied", StringComparison.Ordinal)),
            $"{posted.StatusCode} {posted.Headers.Location}");
        Assert.Equal("Rentrée : 12 nouvelles familles.", await app.WithDbAsync(db => db.ImpactReports.Where(r => r.From == new NodaTime.LocalDate(2026, 9, 1)).Select(r => r.Text).SingleAsync()));

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        Assert.NotEqual(HttpStatusCode.OK, (await desk.GetAsync(page)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await desk.GetAsync(page + "&handler=Pdf")).StatusCode);
    }
}
