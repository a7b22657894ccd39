using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class FamilyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<(string Code, string Pin)> FamilyWithPinAsync(int index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
        var secrets = await scope.ServiceProvider.GetRequiredService<FamilyAccessService>().IssueAsync(household, CancellationToken.None);
        await db.SaveChangesAsync();
        return (household.Code, secrets.Pin);
    }

    [SkippableFact]
    public async Task A_family_signs_in_on_a_phone_books_a_wash_then_a_dry_and_reads_its_bookings_in_arabic()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var (code, pin) = await FamilyWithPinAsync(60);
        var page = await app.NewPageAsync(360, 740);

        await page.GotoAsync("/Family/SignIn");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Code de la famille").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("Code PIN (6 chiffres)").FillAsync(pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(code);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "family-home-fr.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Laver" }).ClickAsync();
        await page.Locator(".daycard").Nth(1).ClickAsync(); // tomorrow, Tuesday 1 December
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "family-book-fr.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "14:00" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket")).ToContainTextAsync("14:00 – 15:00");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "family-ticket-fr.png");

        await page.Locator("form.times").GetByRole(AriaRole.Button, new() { Name = "15:00" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket")).ToContainTextAsync("Sèche-linge 1"); // the machine as families read it

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes réservations" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".tickets").First.Locator("li")).ToHaveCountAsync(2);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Français") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("حجوزاتي");
        // Mirrored: the first ticket's icon sits at the right edge of its row.
        var row = await page.Locator(".ticket-row").First.BoundingBoxAsync();
        var icon = await page.Locator(".ticket-row .icon").First.BoundingBoxAsync();
        Assert.True(icon!.X > row!.X + (row.Width / 2), "in right-to-left the icon starts on the right");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "family-bookings-ar.png");

        await page.GotoAsync("/Family");
        await page.GetByRole(AriaRole.Link, new() { Name = "غسيل" }).ClickAsync();
        await page.Locator(".daycard").Nth(1).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "family-book-ar.png");

        // WCAG reflow: at 320 CSS pixels (a phone, or 1280 px at 400 % zoom) nothing scrolls sideways
        // except the day cards' own strip.
        await page.SetViewportSizeAsync(320, 640);
        foreach (var url in new[] { "/Family", "/Family/Bookings", page.Url })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 320, $"{url} scrolls sideways at 320 px");
        }
    }
}
