using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

/// <summary>
/// The desk PC (1366×768): "absent" asks first, then offers to undo, and the undo gives the booking back with its
/// place; the keyboard reaches the free slots in a few presses. The changed desk pages and the family's cancel
/// question pass axe in Arabic on a 360 px phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DeskUndoBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<int> BookAsync(int resource, string start, int household)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        return (await (await api.BookAsync(resource, start, app.Site.Households[household])).JsonAsync()).GetProperty("id").GetInt32();
    }

    private static Task ArabicAsync(IPage page) => page.Context.AddCookiesAsync(
    [
        new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dar%7Cuic%3Dar", Url = page.Url },
    ]);

    [SkippableFact]
    public async Task The_desk_marks_an_absence_after_a_question_then_undoes_it_and_the_booking_is_back_with_its_place()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var id = await BookAsync(app.Site.Washer2, "2026-11-30T09:00", 40);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 10)); // 09:10 in Paris: the wash has started
        try
        {
            var page = await app.NewPageAsync(1366, 768);
            await BrowserApp.SignInAsync(page, TestSite.Desk);
            await page.GotoAsync("/Desk");
            var row = page.Locator(".arrival").Filter(new() { HasText = "TAA-40" });

            await row.GetByRole(AriaRole.Button, new() { Name = "Absent" }).ClickAsync();
            var question = page.Locator("dialog.confirm");
            await Assertions.Expect(question).ToContainTextAsync("Marquer TAA-40 absent (09:00, Washer 2) ?");
            Assert.Equal(BookingStatus.Confirmed, await StatusAsync(id));
            await Axe.AssertNoSeriousViolationsAsync(page);
            await BrowserApp.ScreenshotAsync(page, "desk-absent-confirm.png");
            await question.GetByRole(AriaRole.Button, new() { Name = "Oui, absent" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Absence enregistrée");
            Assert.Equal(BookingStatus.NoShow, await StatusAsync(id));
            await BrowserApp.ScreenshotAsync(page, "desk-absent-undo.png");
            await page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'absence de TAA-40" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Absence annulée");
            await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("Confirmé");
            var back = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
            Assert.Equal((BookingStatus.Confirmed, back.Start, 1), (back.Status, back.HeldFrom!.Value, back.Seat));
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [SkippableFact]
    public async Task The_keyboard_reaches_the_first_free_slot_through_the_skip_link()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        for (var i = 0; i < 4; i++)
        {
            await BookAsync(app.Site.Washer1, $"2026-11-30T{14 + i}:00", 41 + i); // arrivals to get past
        }

        var page = await app.NewPageAsync(1366, 768);
        await BrowserApp.SignInAsync(page, TestSite.Desk);
        await page.GotoAsync("/Desk");

        var presses = 0;
        while (!(await page.EvaluateAsync<string>("document.activeElement.tagName === 'A' ? document.activeElement.textContent : ''"))
                   .Contains("Aller aux créneaux libres", StringComparison.Ordinal))
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(++presses < 20, "the skip link is among the first tab stops");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.classList.contains('slot-link')"),
            "one tab after the skip link is a free slot, not " + await page.EvaluateAsync<string>("location.hash + ' ' + document.activeElement.outerHTML"));
    }

    [SkippableFact]
    public async Task The_changed_desk_pages_and_the_family_cancel_question_pass_axe_in_arabic_at_360_px()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var booking = await BookAsync(app.Site.Washer1, "2026-12-01T10:00", 50);
        await BookAsync(app.Site.Washer1, "2026-11-30T11:00", 51);
        var household = app.Site.Households[50];
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ChangeLanguage("ar");
            db.Households.Add(new Household("XAR-01", 4, "ar", AppFactory.Now, "فاطمة", "+33633445566", "Hôtel Part-Dieu"));
            await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(page, TestSite.Desk);
        await ArabicAsync(page);

        foreach (var url in new[] { "/Desk", "/Desk/Households", "/Desk/Households?q=" + Uri.EscapeDataString("فاطمة"), "/Desk/Households?q=TAA&p=2",
                     $"/Desk/Households/Edit?id={household}", $"/Desk/Households/Status?id={household}" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Axe.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync("/Desk/Households/New");
        await page.Locator("#Input_Size").FillAsync("2");
        await page.Locator("#Input_Phone").FillAsync("06 33 44 55 66");
        await page.Locator("form.card button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#same-phone")).ToContainTextAsync("XAR-01");
        await Axe.AssertNoSeriousViolationsAsync(page);

        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 7, 10));
        try
        {
            await page.GotoAsync("/Desk");
            await page.Locator("button[value=Cancel]").First.ClickAsync();
            await Assertions.Expect(page.Locator("dialog.confirm")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var (code, pin) = await FamilyWithPinAsync(household);
        var family = await app.NewPageAsync(360, 740);
        await family.GotoAsync("/Family/SignIn");
        await family.Locator("input[name=Code]").FillAsync(code);
        await family.Locator("input[name=Pin]").FillAsync(pin);
        await family.Locator("main form button").First.ClickAsync();
        await family.WaitForURLAsync(url => !url.Contains("SignIn", StringComparison.Ordinal));
        await ArabicAsync(family);
        await family.GotoAsync("/Family/Bookings");
        await family.Locator($"form[action*='id={booking}'] button").ClickAsync();
        await Assertions.Expect(family.Locator("dialog.confirm")).ToBeVisibleAsync();
        await Assertions.Expect(family.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Axe.AssertNoSeriousViolationsAsync(family);
        await BrowserApp.ScreenshotAsync(family, "family-cancel-confirm-ar.png");
    }

    private Task<BookingStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync());

    private async Task<(string Code, string Pin)> FamilyWithPinAsync(int householdId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var household = await db.Households.SingleAsync(h => h.Id == householdId);
        var secrets = await scope.ServiceProvider.GetRequiredService<FamilyAccessService>().IssueAsync(household, CancellationToken.None);
        await db.SaveChangesAsync();
        return (household.Code, secrets.Pin);
    }
}
