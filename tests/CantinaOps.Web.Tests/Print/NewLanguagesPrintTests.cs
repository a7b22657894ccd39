using System.Net;
using System.Text;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Print;

/// <summary>
/// Russian, Albanian and Turkish slips are PDFs whose fonts draw every letter (ё, ë, ç, ğ, ş, ı); what the PDF
/// fonts cannot draw (Pashto, Tigrinya) is printed from the HTML twin.
/// </summary>
public class NewLanguagesPrintTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(60, "ru", "09:00", "Мои бронирования недели", "среда 2 декабря", "Покажите этот листок на стойке.")]
    [InlineData(61, "sq", "10:00", "Rezervimet e mia këtë javë", "e mërkurë 2 dhjetor", "Tregojeni këtë fletë në pritje.")]
    [InlineData(62, "tr", "11:00", "Bu haftaki rezervasyonlarım", "Çarşamba 2 Aralık", "Bu kâğıdı danışmada gösterin.")]
    public async Task A_week_slip_reads_back_in_its_language_and_french(int index, string language, string time, string title, string day, string footer)
    {
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
            household.Update(household.Size, language, null, null, null);
            await db.SaveChangesAsync();
        });
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer1, $"2026-12-02T{time}", app.Site.Households[index])).StatusCode);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.GetAsync($"/Print/Family?household={app.Site.Households[index]}&week=2026-11-30&format=pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormC);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(day, text, StringComparison.Ordinal);
        Assert.Contains(footer, text, StringComparison.Ordinal);
        Assert.Contains("mercredi 2 décembre", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ps")]
    [InlineData("ti")]
    public async Task A_desk_working_in_pashto_or_tigrinya_prints_the_day_sheet_and_plans_from_the_browser(string language)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        await desk.SubmitAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/Desk" });
        var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

        foreach (var url in new[] { "/Print/Day", $"/Print/Week?space={laundry}&week=2026-11-30" })
        {
            var response = await desk.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=pdf");
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"lang=\"{language}\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("format=pdf", page, StringComparison.Ordinal);
        }
    }
}
