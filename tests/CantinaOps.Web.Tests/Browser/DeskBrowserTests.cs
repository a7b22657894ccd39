using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DeskBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_desk_volunteer_books_a_walk_in_from_the_board_in_four_clicks()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.Desk);
        await page.GotoAsync("/Desk");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-board.png");

        // 1: the free 10:00 cell of Washer 2 on the board.
        await page.Locator($"a.slot-link[href*='resource={app.Site.Washer2}&start=2026-11-30T10%3A00']").ClickAsync();
        await page.GetByLabel("Rechercher un ménage").FillAsync("TAA-05");
        // 2: search.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        // 3: the household.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("TAA-05") }).ClickAsync();
        await Assertions.Expect(page.Locator(".quotas")).ToContainTextAsync("0 sur 3 cette semaine");
        await Assertions.Expect(page.GetByText("Ajouter un séchage après le lavage ?")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-confirm.png");
        // 4: confirm (the dryer right after the wash is offered and pre-selected).
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la réservation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Réservé pour TAA-05");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Séchage : Dryer 1 à 11:00");
        await Assertions.Expect(page.Locator(".arrival").Filter(new() { HasText = "TAA-05" })).ToHaveCountAsync(2);
    }
}
