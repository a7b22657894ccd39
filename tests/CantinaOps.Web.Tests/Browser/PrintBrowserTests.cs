using System.Text;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PrintBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task The_arabic_week_slip_prints_from_its_html_twin_to_a_pdf_that_reads_back_in_arabic()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var household = app.Site.Households[70];
        await app.WithDbAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == household);
            h.Update(h.Size, "ar", null, null, null);
            await db.SaveChangesAsync();
        });
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer1, "2026-12-02T14:00", household);
        var page = await app.NewPageAsync(800, 1000);
        await BrowserApp.SignInAsync(page, TestSite.Desk);

        await page.GotoAsync($"/Print/Family?household={household}&week=2026-11-30");
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await BrowserApp.ScreenshotAsync(page, "slip-arabic-html.png");

        using var document = PdfDocument.Open(pdf);
        // One A6 page (105 × 148 mm) from the stylesheet's @page, not from the test's options.
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal(297.6, document.GetPage(1).Width, 0);
        Assert.Equal(419.5, document.GetPage(1).Height, 0);
        Assert.Equal("rtl", await page.GetAttributeAsync("article.slip", "dir"));
        var text = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Normalize(NormalizationForm.FormKC);
        Assert.Contains("TAA-70", text, StringComparison.Ordinal);
        // The shaped, joined Arabic reads back as its letters once presentation forms are normalised;
        // a PDF stores them in visual order (right to left), so the run reads backwards.
        var visual = new string(text.Replace(" ", "", StringComparison.Ordinal).Reverse().ToArray());
        Assert.Contains("حجوزاتيهذا", visual, StringComparison.Ordinal); // "حجوزاتي هذا" (the lam-alef ligature that follows reads back in glyph order)
        Assert.Contains("mercredi 2 décembre", text, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "slip-arabic.pdf"), pdf);
        }
    }
}
