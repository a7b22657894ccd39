using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ImpactBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_funder_reads_the_dashboard_with_its_definitions_in_French_and_in_Arabic_on_a_phone()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var page = await app.NewPageAsync(1366, 900);
        await BrowserApp.SignInAsync(page, TestSite.Funder);
        await page.GotoAsync("/Coordinator/Impact?preset=quarter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Impact et chiffres");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Ménages servis" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ménages distincts ayant au moins une réservation pointée")).ToBeVisibleAsync();
        // A funder sees no desk, household or coordinator link.
        Assert.Equal(0, await page.Locator("a[href^='/Desk'], a[href^='/Coordinator/Accounts'], a[href^='/Audit']").CountAsync());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "impact-dashboard.png");

        var phone = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(phone, TestSite.Funder);
        await phone.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=ar|uic=ar", Url = app.BaseAddress.ToString() }]);
        await phone.GotoAsync("/Coordinator/Impact");
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
            "the page scrolls sideways on a 360 px phone");
        await Axe.AssertNoSeriousViolationsAsync(phone);
    }
}
