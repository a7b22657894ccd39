using CantinaOps.Web.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PartnerBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_partner_creates_a_series_with_one_conflict_skips_it_and_sees_the_series_in_its_calendar()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var other = await app.SignedInAsync(TestSite.PartnerBUser);
        await other.BookBlockAsync(app.Site.ProKitchen, "2026-12-17T09:00", "2026-12-17T11:00", app.Site.PartnerB);
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.PartnerAUser);

        await page.GotoAsync("/Partner/Series");
        await page.GetByLabel("mardi").CheckAsync();
        await page.GetByLabel("jeudi").CheckAsync();
        await page.GetByLabel("Heure de début", new() { Exact = true }).FillAsync("07:30");
        await page.GetByLabel("Heure de fin", new() { Exact = true }).FillAsync("13:00");
        await page.GetByLabel("Premier jour", new() { Exact = true }).FillAsync("2026-12-08");
        await page.GetByLabel("Dernier jour", new() { Exact = true }).FillAsync("2026-12-22");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir toutes les dates" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("5 dates, dont 1 en conflit");
        Assert.Equal("", string.Join(" | ", await page.Locator(".error li").AllInnerTextsAsync()));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(page, "partner-series-preview.png");
        await page.GetByLabel("Sauter cette date").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la série" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Série enregistrée.");
        await Assertions.Expect(page.Locator(".arrival").Filter(new() { HasText = "série" })).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".arrival.status-skipped")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "partner-calendar.png");
    }

    [SkippableFact]
    public async Task A_partner_goes_three_months_ahead_to_its_series_and_downloads_that_month_s_pdf()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var api = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await api.PostAsJsonAsync("/api/v1/series", new
        {
            resourceId = app.Site.ProKitchen, days = new[] { "wednesday" }, start = "14:00", end = "17:00", from = "2027-02-03", to = "2027-02-24",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.PartnerAUser);

        Assert.EndsWith("/Partner", page.Url, StringComparison.Ordinal);
        foreach (var month in new[] { "décembre 2026", "janvier 2027", "février 2027" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Mois suivant" }).ClickAsync();
            await Assertions.Expect(page.Locator("nav.choices strong")).ToHaveTextAsync(month);
        }

        await Assertions.Expect(page.Locator(".arrival").Filter(new() { HasText = "14:00–17:00" })).ToHaveCountAsync(4);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Planning de février 2027 (PDF)" }).ClickAsync());
        var path = await download.PathAsync();

        Assert.Equal("planning-2027-02.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(path));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("2027", text, StringComparison.Ordinal);
        Assert.Contains("14:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("décembre", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_partner_calendar_move_and_confirmation_pass_axe_in_arabic_on_a_phone()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var api = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await api.PostAsJsonAsync("/api/v1/series", new
        {
            resourceId = app.Site.ProKitchen, days = new[] { "friday" }, start = "08:00", end = "12:00", from = "2027-02-05", to = "2027-02-26",
        });
        var seriesId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var first = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Bookings.Where(b => b.SeriesId == seriesId).OrderBy(b => b.OccurrenceDay)));
        var page = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(page, TestSite.PartnerAUser);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dar%7Cuic%3Dar", Url = page.Url }]);

        foreach (var url in new[] { "/Partner?from=2027-02-05", $"/Partner/Move?id={first.Id}", $"/Partner?from=2027-02-05&confirm={first.Id}" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Axe.AssertNoSeriousViolationsAsync(page);
        }

        await page.Locator($"#b-{first.Id} button.warn").ClickAsync();
        await Assertions.Expect(page.Locator(".arrival.status-cancelled")).ToHaveCountAsync(4);
    }

    [SkippableFact]
    public async Task The_coordinator_configuration_pages_pass_axe_and_are_captured()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.Coordinator);

        foreach (var (url, shot) in new[] { ("/Coordinator/Spaces", "coordinator-spaces.png"), ("/Coordinator/Closures", "coordinator-closures.png"),
                     ("/Coordinator/Rules", "coordinator-rules.png"), ("/Coordinator/Requests", "coordinator-requests.png"),
                     ("/Coordinator/Accounts", "coordinator-accounts.png"), ("/Coordinator/Partners", "coordinator-partners.png"),
                     ("/Coordinator/Affected", "coordinator-affected.png"), ("/Audit?what=booking", "audit.png") })
        {
            await page.GotoAsync(url);
            await Axe.AssertNoSeriousViolationsAsync(page);
            await BrowserApp.ScreenshotAsync(page, shot);
        }
    }
}
