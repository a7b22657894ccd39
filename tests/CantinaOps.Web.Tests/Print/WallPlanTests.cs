using System.Net;
using System.Text;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Print;

/// <summary>The wall plan tells booked time from free time, at 2 m, and keeps in sight what a closure or a breakdown displaces.</summary>
public class WallPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<byte[]> PlanAsync(int space, string week)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var response = await desk.GetAsync($"/Print/Week?space={space}&week={week}&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"wall-plan-{space}-{week}.pdf"), bytes);
        }

        return bytes;
    }

    private Task<int> SpaceOfAsync(int resource) => app.WithDbAsync(db => db.Resources.Where(r => r.Id == resource).Select(r => r.SpaceId).SingleAsync());

    /// <summary>The text of every page with lines joined: what a cell says, however it wraps.</summary>
    private static string Text(PdfDocument document) => System.Text.RegularExpressions.Regex.Replace(
        string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC), @"\s+", " ");

    private static Word WordStarting(Page page, string text) => page.GetWords().First(w => w.Text.StartsWith(text, StringComparison.Ordinal));

    [Fact]
    public async Task A_block_from_07_30_to_13_00_is_one_dark_box_over_the_08_00_to_12_00_rows_with_the_partner_s_name()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var booked = await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-02T07:30", "2026-12-02T13:00", app.Site.PartnerA);
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());

        using var document = PdfDocument.Open(await PlanAsync(await SpaceOfAsync(app.Site.ProKitchen), "2026-11-30"));

        Assert.Equal(1, document.NumberOfPages); // the kitchen's week on one sheet
        var page = document.GetPage(1);
        Assert.True(page.Width > page.Height, "landscape");
        var wednesday = WordStarting(page, "mercredi");
        Word Row(string time) => page.GetWords().Single(w => w.Text == time && w.BoundingBox.Right < wednesday.BoundingBox.Left - 100); // the time axis
        var (eight, noon) = (Row("08:00"), Row("12:00"));
        var centre = (wednesday.BoundingBox.Left + wednesday.BoundingBox.Right) / 2;
        var name = page.GetWords().Where(w => w.Text == "Restos").MinBy(w => Math.Abs(w.BoundingBox.Left - centre))!;
        Assert.DoesNotContain(page.GetWords(), w => w.Text == "07:30" && w.BoundingBox.Left < wednesday.BoundingBox.Left); // no row of its own
        // A dark box in Wednesday's column, from above the 08:00 row to below the 12:00 row, under the partner's name.
        var boxes = page.Paths.Where(p => p.IsFilled && p.FillColor is { } c && c.ToRGBValues().r < 0.3)
            .Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .Select(r => (r.Left, r.Right, Top: Math.Max(r.Top, r.Bottom), Bottom: Math.Min(r.Top, r.Bottom)))
            .Where(r => r.Left <= name.BoundingBox.Left && r.Right >= name.BoundingBox.Right && r.Top >= name.BoundingBox.Top && r.Bottom <= name.BoundingBox.Bottom)
            .ToList();
        Assert.Contains(boxes, r => r.Top >= eight.BoundingBox.Top && r.Bottom <= noon.BoundingBox.Bottom - 10);
        Assert.True(name.BoundingBox.Left >= wednesday.BoundingBox.Left - 80 && name.BoundingBox.Right <= wednesday.BoundingBox.Right + 80, "under Wednesday");
        Assert.Contains("07:30–13:00", Text(document).Replace("-", "–", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_day_prints_its_reason_and_the_blocks_it_displaces()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerBUser);
        (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-09T14:00", "2026-12-09T18:00", app.Site.PartnerB)).EnsureSuccessStatusCode();
        await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.Id == app.Site.SiteId);
            site.AddClosure(new LocalDate(2026, 12, 9), new LocalDate(2026, 12, 9), "Dégât des eaux");
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<CantinaOps.Web.Features.Scheduling.ScheduleCache>().Invalidate();

        using var document = PdfDocument.Open(await PlanAsync(await SpaceOfAsync(app.Site.ProKitchen), "2026-12-07"));

        var text = Text(document);
        Assert.Contains("mercredi 9 décembre", text, StringComparison.Ordinal);
        Assert.Contains("Fermé : Dégât des eaux", text, StringComparison.Ordinal);
        Assert.Contains("À déplacer ou annuler", text, StringComparison.Ordinal);
        Assert.Contains("Épicerie Test (Confirmé)", text, StringComparison.Ordinal);
        Assert.Contains("14:00–18:00", text.Replace("-", "–", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_service_cell_still_names_the_booking_waiting_to_be_moved()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        (await desk.BookAsync(app.Site.Washer1, "2026-12-02T10:00", app.Site.Households[30])).EnsureSuccessStatusCode();
        await app.WithDbAsync(async db =>
        {
            var washer = await db.Resources.SingleAsync(r => r.Id == app.Site.Washer1);
            washer.MarkOutOfService(Instant.FromUtc(2026, 12, 2, 8, 0), Instant.FromUtc(2026, 12, 2, 11, 0), "Fuite");
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<CantinaOps.Web.Features.Scheduling.ScheduleCache>().Invalidate();

        using var document = PdfDocument.Open(await PlanAsync(await SpaceOfAsync(app.Site.Washer1), "2026-11-30"));

        var text = Text(document);
        Assert.Contains("Hors service — TAA-30 à déplacer", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_letter_on_a_wall_plan_is_smaller_than_12_pt_and_a_short_plan_stays_small()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        (await desk.BookAsync(app.Site.Washer2, "2026-12-03T15:00", app.Site.Households[31])).EnsureSuccessStatusCode();
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-03T07:30", "2026-12-03T13:00", app.Site.PartnerA)).EnsureSuccessStatusCode();

        foreach (var space in new[] { await SpaceOfAsync(app.Site.Washer1), await SpaceOfAsync(app.Site.ProKitchen) })
        {
            var pdf = await PlanAsync(space, "2026-11-30");
            using var document = PdfDocument.Open(pdf);
            var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            Assert.NotEmpty(letters);
            Assert.All(letters, l => Assert.True(l.PointSize >= 11.99, $"'{l.Value}' at {l.PointSize:F1} pt"));
            Assert.True(pdf.Length < 200_000, $"{pdf.Length} bytes"); // fonts are subset, not embedded whole
        }
    }
}
