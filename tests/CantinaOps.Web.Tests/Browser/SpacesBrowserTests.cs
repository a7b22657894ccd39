using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

/// <summary>A coordinator on a phone, in Arabic: adds a space, then retires it after the plain-words question.</summary>
[Collection(BrowserCollection.Name)]
public class SpacesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_space_is_added_and_retired_from_a_phone_in_arabic()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var page = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(page, TestSite.Coordinator);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dar%7Cuic%3Dar", Url = page.Url }]);

        await page.GotoAsync("/Coordinator/Spaces");
        await page.Locator("#newName").FillAsync("مطبخ الطابق الثاني");
        await page.Locator("#newKind").SelectOptionAsync("FamilyKitchen");
        await page.Locator("form:has(#newName) button").ClickAsync();
        var space = await app.WithDbAsync(db => db.Spaces.Where(s => s.Name == "مطبخ الطابق الثاني").Select(s => s.Id).SingleAsync());
        await Assertions.Expect(page.Locator($"#s-{space}")).ToHaveTextAsync("مطبخ الطابق الثاني");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));

        await page.Locator($"section:has(#s-{space}) form:has(input[name=spaceId][value='{space}']) button.warn").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#retire")).ToContainTextAsync("سحب «مطبخ الطابق الثاني»؟");
        await Axe.AssertNoSeriousViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page scrolls sideways at 360 px");
        await BrowserApp.ScreenshotAsync(page, "coordinator-retire-space-ar.png");
        await page.Locator("section:has(#retire) button.warn").ClickAsync();

        await Assertions.Expect(page.Locator("#retired-spaces")).ToBeVisibleAsync();
        Assert.False(await app.WithDbAsync(db => db.Spaces.Where(s => s.Id == space).Select(s => s.IsActive).SingleAsync()));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coordinator-spaces-ar.png");
    }
}
