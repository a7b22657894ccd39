using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

/// <summary>
/// The desk takes back an arrival from the board; an Arabic family on a 360 px phone reads its machines in Arabic,
/// is told a day is closed or its week is used (with where to go instead), and a wrong link ends on a page in its
/// language. Every page changed or added passes axe in Arabic at 360×740.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FamilyTruthBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
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
    public async Task The_desk_takes_back_an_arrival_from_the_top_of_the_board()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var id = await BookAsync(app.Site.Washer1, "2026-11-30T15:00", 60);
        var page = await app.NewPageAsync(1366, 768);
        await BrowserApp.SignInAsync(page, TestSite.Desk);
        await page.GotoAsync("/Desk");
        var row = page.Locator(".arrival").Filter(new() { HasText = "TAA-60" });

        await row.GetByRole(AriaRole.Button, new() { Name = "Arrivé" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Arrivée enregistrée");
        await BrowserApp.ScreenshotAsync(page, "desk-undo-arrival.png");
        await page.Locator("form.undo-bar button").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Arrivée annulée");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("Confirmé");
        var back = await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal((BookingStatus.Confirmed, (Instant?)null), (back.Status, back.CheckedInAt));
    }

    [SkippableFact]
    public async Task An_arabic_family_on_a_phone_reads_its_machines_closed_days_used_weeks_and_wrong_links_in_arabic()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var index = 66; // one person: two laundry cycles a week
        var household = app.Site.Households[index];
        var space = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
        var wash = await BookAsync(app.Site.Washer2, "2026-12-01T09:00", index);
        await BookAsync(app.Site.Washer1, "2026-12-02T09:00", index);
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ChangeLanguage("ar");
            var site = await db.Sites.Include(s => s.Closures).SingleAsync();
            site.AddClosure(new LocalDate(2026, 12, 10), new LocalDate(2026, 12, 10), "Inventaire");
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var (code, pin) = await FamilyWithPinAsync(household);
        var family = await app.NewPageAsync(360, 740);
        await family.GotoAsync("/Family/SignIn");
        await family.Locator("input[name=Code]").FillAsync(code);
        await family.Locator("input[name=Pin]").FillAsync(pin);
        await family.Locator("main form button").First.ClickAsync();
        await family.WaitForURLAsync(url => !url.Contains("SignIn", StringComparison.Ordinal));
        await ArabicAsync(family);

        await family.GotoAsync($"/Family/Ticket?id={wash}");
        await Assertions.Expect(family.Locator(".ticket-big")).ToContainTextAsync("غسالة 2");
        await AxeInArabicAsync(family);

        await family.GotoAsync($"/Family/Book?space={space}&kind=Washer&day=2026-12-03");
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("لديكم بالفعل حجوزاتكم الـ2 لهذا الأسبوع.");
        await Assertions.Expect(family.Locator("main form[action*=Waitlist]")).ToHaveCountAsync(0);
        await AxeInArabicAsync(family);
        await BrowserApp.ScreenshotAsync(family, "family-quota-next-week-ar.png");
        await family.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("الأسبوع القادم") }).ClickAsync();
        await Assertions.Expect(family.Locator("button.time-button").First).ToBeVisibleAsync();

        await family.GotoAsync($"/Family/Book?space={space}&kind=Washer&day=2026-12-10");
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("مغلق في ذلك اليوم.");
        await AxeInArabicAsync(family);
        await BrowserApp.ScreenshotAsync(family, "family-closed-day-ar.png");
        await family.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("أقرب يوم مفتوح") }).ClickAsync();
        await Assertions.Expect(family).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("day=2026-12-11"));

        var wrong = await family.GotoAsync("/Family/Ticket?id=987654");
        Assert.Equal(404, wrong!.Status);
        await Assertions.Expect(family.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("الصفحة غير موجودة");
        await AxeInArabicAsync(family);
        await BrowserApp.ScreenshotAsync(family, "error-404-ar.png");
        await family.GetByRole(AriaRole.Link, new() { Name = "العودة إلى البداية" }).ClickAsync();
        await Assertions.Expect(family).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Family$"));
        await AxeInArabicAsync(family);
    }

    [SkippableFact]
    public async Task The_desks_quota_refusal_and_the_coordinators_names_per_language_pass_axe_in_arabic_at_360_px()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var index = 72;
        await BookAsync(app.Site.Washer1, "2026-12-01T10:00", index);
        await BookAsync(app.Site.Washer1, "2026-12-02T10:00", index);
        var page = await app.NewPageAsync(360, 740);
        await BrowserApp.SignInAsync(page, TestSite.Coordinator);
        await ArabicAsync(page);

        await page.GotoAsync($"/Desk/Book?householdId={app.Site.Households[index]}&resource={app.Site.Washer2}&start=2026-12-03T10%3A00");
        await Assertions.Expect(page.Locator("#quota-full")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#exception-reason")).ToBeVisibleAsync();
        await AxeInArabicAsync(page);
        await BrowserApp.ScreenshotAsync(page, "desk-quota-exception-ar.png");

        await page.GotoAsync("/Coordinator/Spaces");
        await page.Locator("details summary").First.ClickAsync();
        await AxeInArabicAsync(page);

        await page.GotoAsync("/nothing/here");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("الصفحة غير موجودة");
        await AxeInArabicAsync(page);
    }

    [SkippableFact]
    public async Task Every_target_on_the_family_pages_is_at_least_44_px_and_on_the_desk_and_print_pages_24_px()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var index = 78;
        var booking = await BookAsync(app.Site.Washer1, "2026-12-01T14:00", index);
        var household = app.Site.Households[index];
        var space = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
        var (code, pin) = await FamilyWithPinAsync(household);
        var family = await app.NewPageAsync(360, 740);
        await family.GotoAsync("/Family/SignIn");
        await AssertTargetsAsync(family, 44);
        await family.Locator("input[name=Code]").FillAsync(code);
        await family.Locator("input[name=Pin]").FillAsync(pin);
        await family.Locator("main form button").First.ClickAsync();
        await family.WaitForURLAsync(url => !url.Contains("SignIn", StringComparison.Ordinal));
        foreach (var url in new[] { "/Family", "/Family/Bookings", $"/Family/Ticket?id={booking}", $"/Family/Book?space={space}&kind=Washer&day=2026-12-02",
                     "/Family/Ticket?id=987654" })
        {
            await family.GotoAsync(url);
            await AssertTargetsAsync(family, 44);
        }

        var desk = await app.NewPageAsync(1366, 768);
        await BrowserApp.SignInAsync(desk, TestSite.Coordinator);
        foreach (var url in new[] { "/Desk", "/Desk/Week", "/Audit", $"/Print/Family?household={household}&week=2026-11-30", "/Print/Day" })
        {
            await desk.GotoAsync(url);
            await AssertTargetsAsync(desk, 24);
        }
    }

    /// <summary>Measures every visible link, button, field and summary of the page (the skip link shows only on focus).</summary>
    private static async Task AssertTargetsAsync(IPage page, int minimum)
    {
        var small = await page.EvaluateAsync<string[]>(@"min => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
            .filter(e => !e.classList.contains('skip') && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width < min - 0.5 || r.height < min - 0.5)
            .map(([e, r]) => `${Math.round(r.width)}×${Math.round(r.height)} ${e.outerHTML.slice(0, 120)}`)", minimum);
        Assert.True(small.Length == 0, $"{page.Url}: targets under {minimum} px:\n" + string.Join("\n", small));
    }

    private static async Task AxeInArabicAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

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
