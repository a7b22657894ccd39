using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Playwright;

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
        await page.GetByLabel("De", new() { Exact = true }).FillAsync("07:30");
        await page.GetByLabel("À", new() { Exact = true }).FillAsync("13:00");
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2026-12-08");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2026-12-22");
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
    public async Task The_coordinator_configuration_pages_pass_axe_and_are_captured()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.Coordinator);

        foreach (var (url, shot) in new[] { ("/Coordinator/Spaces", "coordinator-spaces.png"), ("/Coordinator/Closures", "coordinator-closures.png"),
                     ("/Coordinator/Rules", "coordinator-rules.png"), ("/Coordinator/Requests", "coordinator-requests.png"),
                     ("/Coordinator/Accounts", "coordinator-accounts.png"), ("/Coordinator/Partners", "coordinator-partners.png") })
        {
            await page.GotoAsync(url);
            await Axe.AssertNoSeriousViolationsAsync(page);
            await BrowserApp.ScreenshotAsync(page, shot);
        }
    }
}
