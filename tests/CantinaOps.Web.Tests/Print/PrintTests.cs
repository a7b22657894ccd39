using System.Net;
using System.Text;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CantinaOps.Web.Tests.Print;

public class PrintTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))).Normalize(NormalizationForm.FormKC);
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } folder)
        {
            var name = new string(url.Where(char.IsAsciiLetterOrDigit).ToArray());
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{name[..Math.Min(40, name.Length)]}.pdf"), bytes);
        }

        return bytes;
    }

    private async Task<int> LaundryAsync() => await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

    [Fact]
    public async Task The_weekly_plan_shows_codes_not_names_in_their_cells_with_accents_and_closures()
    {
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[1]);
            household.Update(household.Size, "fr", "Amélie Secret", null, null);
            await db.SaveChangesAsync();
        });
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer2, "2026-12-01T15:00", app.Site.Households[1]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var pdf = await PdfAsync(desk, $"/Print/Week?space={await LaundryAsync()}&week=2026-11-30&format=pdf");
        var christmas = Text(await PdfAsync(desk, $"/Print/Week?space={await LaundryAsync()}&week=2026-12-21&format=pdf"));

        var text = Text(pdf);
        Assert.Contains("TAA-01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Amélie", text, StringComparison.Ordinal);
        Assert.Contains("mardi 1 décembre", text, StringComparison.Ordinal);
        Assert.Contains("vendredi 25 décembre", christmas, StringComparison.Ordinal);
        Assert.Contains("Noël", christmas, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.True(page.Width > page.Height, "landscape");
        Assert.All(document.GetPages().SelectMany(p => p.Letters), l => Assert.True(l.PointSize >= 7.9, $"{l.Value} at {l.PointSize} pt"));
        // The code sits in the row of 15:00 and under the "Washer 2" header of that day.
        var words = document.GetPages().SelectMany(p => p.GetWords().Select(w => (Page: p.Number, Word: w))).ToList();
        var code = words.Single(w => w.Word.Text == "TAA-01");
        var row = words.Where(w => w.Page == code.Page && w.Word.Text == "15:00"
            && Math.Abs(w.Word.BoundingBox.Bottom - code.Word.BoundingBox.Bottom) < 2);
        Assert.Single(row);
        // ...and in the column headed "Washer 2" (headers are centred over their column).
        var headers = words.Where(w => w.Page == code.Page && w.Word.Text == "Washer" && w.Word.BoundingBox.Bottom > code.Word.BoundingBox.Bottom)
            .Select(w => (Washer: w.Word, Number: words.First(n => n.Page == code.Page && Math.Abs(n.Word.BoundingBox.Bottom - w.Word.BoundingBox.Bottom) < 1
                && n.Word.BoundingBox.Left > w.Word.BoundingBox.Right).Word))
            .Where(h => h.Washer.BoundingBox.Left < code.Word.BoundingBox.Right && h.Number.BoundingBox.Right > code.Word.BoundingBox.Left)
            .ToList();
        Assert.Equal("2", Assert.Single(headers).Number.Text);
        Assert.True(pdf.Length < 200_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public async Task A_ukrainian_week_slip_reads_back_in_ukrainian_and_french_with_every_letter()
    {
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[2]);
            household.Update(household.Size, "uk", null, null, null);
            await db.SaveChangesAsync();
        });
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer1, "2026-12-02T10:00", app.Site.Households[2]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var text = Text(await PdfAsync(desk, $"/Print/Family?household={app.Site.Households[2]}&week=2026-11-30&format=pdf"));

        Assert.Contains("Мої бронювання цього тижня", text, StringComparison.Ordinal); // ї survives the embedding
        Assert.Contains("Mes réservations de la semaine", text, StringComparison.Ordinal);
        Assert.Contains("середа 2 грудня", text, StringComparison.Ordinal);
        Assert.Contains("mercredi 2 décembre", text, StringComparison.Ordinal);
        Assert.Contains("TAA-02", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_georgian_slip_reads_back_in_georgian()
    {
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[3]);
            household.Update(household.Size, "ka", null, null, null);
            await db.SaveChangesAsync();
        });
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var text = Text(await PdfAsync(desk, $"/Print/Family?household={app.Site.Households[3]}&week=2026-11-30&format=pdf"));

        Assert.Contains("ჩემი ჯავშნები ამ კვირაში", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arabic_slip_is_not_a_pdfsharp_pdf_but_its_html_twin()
    {
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[4]);
            household.Update(household.Size, "ar", null, null, null);
            await db.SaveChangesAsync();
        });
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.GetAsync($"/Print/Family?household={app.Site.Households[4]}&week=2026-11-30&format=pdf");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<article class=\"slip\" lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal); // the whole slip is mirrored
        Assert.Contains("حجوزاتي هذا الأسبوع", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_sheet_lists_today_s_arrivals_with_a_box_and_the_partner_schedule_only_its_blocks()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer2, "2026-11-30T11:00", app.Site.Households[5]);
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-03T07:30", "2026-12-03T13:00", app.Site.PartnerA);
        await b.BookBlockAsync(app.Site.ProKitchen, "2026-12-03T14:00", "2026-12-03T16:00", app.Site.PartnerB);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var day = Text(await PdfAsync(desk, "/Print/Day?format=pdf"));
        var schedule = Text(await PdfAsync(partner, "/Partner/Schedule?month=2026-12&format=pdf"));

        Assert.Contains("TAA-05", day, StringComparison.Ordinal);
        Assert.Contains("lundi 30 novembre 2026", day, StringComparison.Ordinal);
        Assert.Contains("☐", day, StringComparison.Ordinal);
        Assert.Contains("Sans rendez-vous", day, StringComparison.Ordinal);
        Assert.Contains("Restos Test — décembre 2026", schedule, StringComparison.Ordinal);
        Assert.Contains("07:30–13:00", schedule, StringComparison.Ordinal);
        Assert.DoesNotContain("14:00–16:00", schedule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_with_a_clock_change_lays_out_the_repeated_hour_once_and_skips_the_missing_one()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<PrintQueries>();
        var laundry = await LaundryAsync();

        var autumn = (await queries.WeeklyPlanAsync(laundry, new LocalDate(2026, 10, 25), CancellationToken.None))!;
        var spring = (await queries.WeeklyPlanAsync(laundry, new LocalDate(2026, 3, 29), CancellationToken.None))!;

        static IEnumerable<string> NightSlots(WeeklyPlanModel plan, string day) => plan.Days.Single(d => d.Label.Contains(day, StringComparison.Ordinal))
            .Cells.Where(c => c.Resource == 0 && c.From < 6 * 60).Select(c => new PlanRow(c.From, c.To).Label);
        Assert.Equal(["00:00", "01:00", "02:00", "03:00", "04:00", "05:00"], NightSlots(autumn, "25"));
        Assert.Equal(["00:00", "01:00", "03:00", "04:00", "05:00"], NightSlots(spring, "29"));
        Assert.Contains("02:00", Text(PdfDocuments.WeeklyPlan(autumn)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_too_long_for_its_cell_is_cut_with_a_visible_ellipsis_never_overflowing()
    {
        var model = new WeeklyPlanModel("Site", "Kitchen", "week", "printed", ["Pro kitchen"], [new PlanRow(7 * 60, 8 * 60)],
            [new PlanDay("lundi", null, [new PlanCell(0, 7 * 60, 8 * 60, PlanCellKind.Booked,
                "Association intercommunale pour l'aide alimentaire d'urgence de Villeurbanne et des communes environnantes")], [])],
            new PlanLabels("Heure", "Fermé", "Réservé", "En attente", "Hors service", "Libre", "À déplacer ou annuler :"));

        var text = Text(PdfDocuments.WeeklyPlan(model));

        Assert.Contains("Association", text, StringComparison.Ordinal);
        Assert.Contains("...", text, StringComparison.Ordinal); // "…" after NFKC normalisation
        Assert.DoesNotContain("environnantes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_pages_are_for_staff_and_the_slip_qr_opens_the_household_at_the_desk()
    {
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        Assert.Equal(HttpStatusCode.Redirect, (await partner.GetAsync("/Print/Day")).StatusCode);

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var html = await desk.GetStringAsync($"/Print/Family?household={app.Site.Households[6]}&week=2026-11-30");
        await using var scope = app.Services.CreateAsyncScope();
        var slip = (await scope.ServiceProvider.GetRequiredService<PrintQueries>().SlipAsync(app.Site.Households[6], new LocalDate(2026, 11, 30), "http://x", CancellationToken.None))!;
        var scanned = await desk.GetAsync(new Uri(slip.QrContent).PathAndQuery);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(new Uri(slip.QrContent).Query["?t=".Length..]);
        Assert.True(token.Length > 40, token); // an encrypted token, not an id
        Assert.DoesNotContain("TAA-06", slip.QrContent, StringComparison.Ordinal);
        Assert.NotEqual(app.Site.Households[6].ToString(System.Globalization.CultureInfo.InvariantCulture), token);
        Assert.Equal($"/Desk/Households/Edit?id={app.Site.Households[6]}", scanned.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/Desk/Households/Scan?t=made-up")).StatusCode);
    }
}
