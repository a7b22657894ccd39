using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class WeekPageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_desk_volunteer_signs_in_and_reads_the_week_on_a_phone()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var api = await app.SignedInAsync(TestSite.Desk);
        await api.BookAsync(app.Site.Washer1, "2026-12-01T09:00", app.Site.Households[0]);
        var page = await app.NewPageAsync(360, 740);

        await BrowserApp.SignInAsync(page, TestSite.Desk);
        await page.GotoAsync("/Desk/Week?week=2026-12-01");

        var tuesday = page.Locator("section.day").Filter(new() { HasText = "mardi 1 décembre" });
        await Assertions.Expect(tuesday.Locator("td.taken").First).ToHaveTextAsync("TAA-00");
        // On a phone the table scrolls inside its box instead of widening the page.
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 360, $"the page is {pageWidth}px wide");
        await BrowserApp.ScreenshotAsync(page, "week-phone.png");
    }
}
