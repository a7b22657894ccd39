using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class OutageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_broken_washer_on_a_phone_in_french_and_arabic_desk_and_family_pages_pass_axe()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var api = await app.SignedInAsync(TestSite.Desk);
        var booking = (await (await api.BookAsync(app.Site.Washer1, "2026-11-30T10:00", app.Site.Households[80])).JsonAsync()).GetProperty("id").GetInt32();
        await api.BookAsync(app.Site.Washer1, "2026-11-30T11:00", app.Site.Households[81]);
        await api.BookAsync(app.Site.Washer2, "2026-11-30T10:00", app.Site.Households[82]);
        var page = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(page, TestSite.Desk);
        foreach (var (resource, from, until, reason) in new[] { (app.Site.Washer1, "", "2026-11-30T12:00", "Fuite"),
                     (app.Site.Dryer, "2026-12-01T14:00", "2026-12-01T16:00", "Révision") })
        {
            await page.GotoAsync("/Desk/OutOfOrder");
            await page.Locator("#Resource").SelectOptionAsync($"{resource}");
            if (from.Length > 0)
            {
                await page.Locator("#From").FillAsync(from);
            }

            await page.Locator("#Until").FillAsync(until);
            await page.Locator("#Reason").FillAsync(reason);
            await page.GetByRole(AriaRole.Button, new() { Name = "Mettre hors service" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Machine mise hors service");
        }

        await page.GotoAsync("/Desk/OutOfOrder");
        await page.Locator(".outage details summary").First.ClickAsync();
        await Assertions.Expect(page.Locator(".outage")).ToHaveCountAsync(2);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-out-of-order-fr.png");
        await page.GotoAsync("/Desk");
        await Assertions.Expect(page.Locator(".arrival.stranded")).ToHaveCountAsync(2);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-board-stranded-fr.png");

        await page.GotoAsync("/Language?returnUrl=%2FDesk%2FOutOfOrder");
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "نقل كل هذه الحجوزات" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-out-of-order-ar.png");
        await page.GotoAsync("/Desk");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-board-stranded-ar.png");

        var family = await app.NewPageAsync(360, 740);
        var (code, pin) = await FamilyWithPinAsync(80);
        await family.GotoAsync("/Family/SignIn");
        await family.GetByLabel("Code de la famille").FillAsync(code);
        await family.GetByLabel("Code PIN (6 chiffres)").FillAsync(pin);
        await family.GetByRole(AriaRole.Button, new() { Name = "Entrer" }).ClickAsync();
        await family.GotoAsync($"/Family/Ticket?id={booking}");
        await Assertions.Expect(family.Locator(".ticket .stranded-note")).ToContainTextAsync("l'accueil va vous proposer un autre créneau");
        await Axe.AssertNoSeriousViolationsAsync(family);
        await BrowserApp.ScreenshotAsync(family, "family-ticket-stranded-fr.png");
        await family.GotoAsync("/Language?returnUrl=%2FFamily%2FBookings");
        await family.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(family.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(family.Locator(".ticket-row.stranded")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(family);
        await BrowserApp.ScreenshotAsync(family, "family-bookings-stranded-ar.png");

        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 35)); // 09:35 in Paris: the 09:00 row is past its end minus the walk-in margin
        try
        {
            await page.GotoAsync("/Language?returnUrl=%2FDesk");
            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
            await Assertions.Expect(page.Locator("td.free.late").First).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
            await page.Locator("table.week").First.ScrollIntoViewIfNeededAsync();
            await BrowserApp.ScreenshotAsync(page, "desk-board-started-fr.png");
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    private async Task<(string Code, string Pin)> FamilyWithPinAsync(int index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
        var secrets = await scope.ServiceProvider.GetRequiredService<FamilyAccessService>().IssueAsync(household, CancellationToken.None);
        await db.SaveChangesAsync();
        return (household.Code, secrets.Pin);
    }
}
