using System.Text;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Print;

public class DaySheetTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Text(PdfDocument document) =>
        string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC);

    [Fact]
    public async Task Nothing_on_the_day_sheet_is_cut_a_long_title_and_every_header_print_whole_inside_the_page()
    {
        for (var i = 0; i < 3; i++)
        {
            var api = await app.SignedInAsync(TestSite.Desk);
            (await api.BookAsync(app.Site.Washer1, $"2026-11-30T{14 + i}:00", app.Site.Households[40 + i])).EnsureSuccessStatusCode();
        }

        using var french = CantinaOps.Web.Infrastructure.Localization.Use(System.Globalization.CultureInfo.GetCultureInfo("fr"));
        await using var scope = app.Services.CreateAsyncScope();
        var sheet = await scope.ServiceProvider.GetRequiredService<PrintQueries>().DaySheetAsync(CancellationToken.None);
        sheet = sheet with { Site = "L'Archipel — tiers-lieu de la Métropole de Lyon, accueil et cuisine partagée (Villeurbanne)" };

        var pdf = PdfDocuments.DaySheet(sheet);
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "day-sheet-long-title.pdf"), pdf);
        }

        using var document = PdfDocument.Open(pdf);

        var text = Text(document);
        Assert.Contains("Villeurbanne", text, StringComparison.Ordinal);
        Assert.Contains("lundi 30 novembre 2026", text, StringComparison.Ordinal);
        foreach (var header in sheet.Labels.Values)
        {
            foreach (var word in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(word, text, StringComparison.Ordinal); // "Nombre de personnes", not "Nombre…"
            }
        }

        Assert.DoesNotContain("...", text, StringComparison.Ordinal);
        foreach (var page in document.GetPages())
        {
            var media = page.MediaBox.Bounds;
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l => Assert.True(
                l.BoundingBox.Left >= media.Left && l.BoundingBox.Right <= media.Right
                && l.BoundingBox.Bottom >= media.Bottom && l.BoundingBox.Top <= media.Top, $"'{l.Value}' at {l.BoundingBox}"));
            // Letters of neighbouring cells never run into each other.
            var words = page.GetWords().ToList();
            static bool Overlap(UglyToad.PdfPig.Core.PdfRectangle a, UglyToad.PdfPig.Core.PdfRectangle b) =>
                Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 1 && Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom) > 1;
            Assert.All(words, a => Assert.DoesNotContain(words, b => !ReferenceEquals(a, b) && Overlap(a.BoundingBox, b.BoundingBox)));
        }
    }

    [Fact]
    public async Task Arabic_and_dari_language_names_print_joined_in_reading_order()
    {
        foreach (var (index, language, hour) in new[] { (44, "ar", 16), (45, "fa-AF", 17) })
        {
            await app.WithDbAsync(async db =>
            {
                var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
                household.Update(household.Size, language, null, null, null);
                await db.SaveChangesAsync();
            });
            var api = await app.SignedInAsync(TestSite.Desk);
            (await api.BookAsync(app.Site.Washer2, $"2026-11-30T{hour}:00", app.Site.Households[index])).EnsureSuccessStatusCode();
        }

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var pdf = await desk.GetByteArrayAsync("/Print/Day?format=pdf");
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "day-sheet.pdf"), pdf);
        }

        using var document = PdfDocument.Open(pdf);
        var letters = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        // Presentation forms in visual order: final teh marbuta first, isolated alef last; دری's letters never join.
        Assert.Contains("\uFE94\uFEF4\uFE91\uFEAE\uFECC\uFEDF\uFE8D", letters, StringComparison.Ordinal);
        Assert.Contains("\uFBFC\uFEAD\uFEA9", letters, StringComparison.Ordinal);
        Assert.DoesNotContain("العربية", letters, StringComparison.Ordinal);
    }
}
