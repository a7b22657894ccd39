using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

/// <summary>Phones set to Pashto and Tigrinya, at 360×740: the whole family path in the phone's language.</summary>
[Collection(BrowserCollection.Name)]
public partial class LanguagesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly ResourceManager Resources = new("CantinaOps.Web.Resources.SharedResource", typeof(Program).Assembly);

    private async Task<(string Code, string Pin)> FamilyAsync(int index, string language)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[index]);
        household.Update(household.Size, language, null, null, null);
        var secrets = await scope.ServiceProvider.GetRequiredService<FamilyAccessService>().IssueAsync(household, CancellationToken.None);
        await db.SaveChangesAsync();
        return (household.Code, secrets.Pin);
    }

    private async Task<IPage> PhoneAsync(string locale)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = locale,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The French interface's texts (each piece between placeholders, where the language's own text differs)
    /// and French day and month names: none may show on a page in another language.
    /// </summary>
    private static List<string> FrenchTexts(string tag)
    {
        var french = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>();
        var theirs = Resources.GetResourceSet(CultureInfo.GetCultureInfo(tag), true, false)!;
        var pieces = french
            .Where(e => theirs.GetString((string)e.Key) != (string)e.Value!)
            .SelectMany(e => Placeholder().Split((string)e.Value!))
            .Select(p => p.Trim(' ', ':', '.', '·', '—', '(', ')', '?', '!', ','))
            .Where(p => p.Count(char.IsLetter) >= 4);
        var calendar = CultureInfo.GetCultureInfo("fr").DateTimeFormat;
        return pieces.Concat(calendar.DayNames).Concat(calendar.MonthGenitiveNames.Where(m => m.Length >= 4)).Distinct().ToList();
    }

    private static async Task InLanguageAsync(IPage page, string tag, string direction, IReadOnlyList<string> french)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", tag);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        var text = await page.InnerTextAsync("body");
        var found = french.Where(f => text.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{page.Url} shows French: {string.Join(" | ", found)}");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [SkippableFact]
    public async Task A_phone_in_pashto_signs_in_books_a_wash_and_reads_every_family_page_right_to_left_without_french()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var (code, pin) = await FamilyAsync(90, "ps");
        var french = FrenchTexts("ps");
        var page = await PhoneAsync("ps-AF");

        await page.GotoAsync("/Family/Phone");
        await InLanguageAsync(page, "ps", "rtl", french);
        await page.GotoAsync("/Family/SignIn");
        await InLanguageAsync(page, "ps", "rtl", french);
        await page.GetByLabel("د کورنۍ کوډ").FillAsync(code);
        await page.GetByLabel("PIN (۶ عددونه)").FillAsync(pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "ننوځئ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(code);
        await InLanguageAsync(page, "ps", "rtl", french);
        await BrowserApp.ScreenshotAsync(page, "family-home-ps.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "وینځل" }).ClickAsync();
        await page.Locator(".daycard").Nth(1).ClickAsync(); // Tuesday 1 December
        await Assertions.Expect(page.Locator("#times-title")).ToContainTextAsync("1 دسمبر");
        await InLanguageAsync(page, "ps", "rtl", french);
        await BrowserApp.ScreenshotAsync(page, "family-book-ps.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "14:00" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket")).ToContainTextAsync("14:00 – 15:00");
        await InLanguageAsync(page, "ps", "rtl", french);

        await page.GetByRole(AriaRole.Link, new() { Name = "زما نوبتونه" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".tickets").First.Locator("li")).ToHaveCountAsync(1);
        await InLanguageAsync(page, "ps", "rtl", french);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("پښتو") }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("family");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "زما نوبتونه" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [SkippableFact]
    public async Task A_phone_in_tigrinya_reads_its_family_pages_in_ethiopic_script()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var (code, pin) = await FamilyAsync(91, "ti");
        var french = FrenchTexts("ti");
        var page = await PhoneAsync("ti-ER");

        await page.GotoAsync("/Family/SignIn");
        await InLanguageAsync(page, "ti", "ltr", french);
        await page.GetByLabel("ኮድ ስድራ").FillAsync(code);
        await page.GetByLabel("PIN (6 ኣሃዛት)").FillAsync(pin);
        await page.GetByRole(AriaRole.Button, new() { Name = "እቶ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("ሰላም፣ ስድራ");
        await InLanguageAsync(page, "ti", "ltr", french);

        await page.GetByRole(AriaRole.Link, new() { Name = "ሕጽቦ" }).ClickAsync();
        await page.Locator(".daycard").Nth(2).ClickAsync(); // Wednesday 2 December
        await Assertions.Expect(page.Locator("#times-title")).ToContainTextAsync("ረቡዕ 2 ታሕሳስ");
        await InLanguageAsync(page, "ti", "ltr", french);
        Assert.Contains(await RenderingFontsAsync(page, "#times-title"), f => f.Contains("Ethiopic", StringComparison.Ordinal));
        await BrowserApp.ScreenshotAsync(page, "family-book-ti.png");
    }

    /// <summary>The fonts Chromium drew an element's text with (DevTools' CSS.getPlatformFontsForNode).</summary>
    private static async Task<List<string>> RenderingFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = selector,
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32() });
        return fonts!.Value.GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("familyName").GetString() ?? "").ToList();
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
