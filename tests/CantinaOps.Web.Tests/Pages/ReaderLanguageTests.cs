using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Pages;

/// <summary>Refusals, validation and names on partner and coordinator pages are in the reader's language: no English, no enum names.</summary>
public partial class ReaderLanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CantinaOps.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No CantinaOps.sln above the test folder.");
    }

    private static Dictionary<string, string> Resources(string suffix) =>
        XDocument.Load(Path.Combine(Root, "src/CantinaOps.Web/Resources", $"SharedResource{suffix}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Every_refusal_the_code_explains_has_a_translation_in_every_language_with_the_english_placeholders_only()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ReasonKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).ToHashSet();
        var english = Resources(".en");

        Assert.True(used.Count > 40, $"only {used.Count} explained refusals found");
        foreach (var suffix in new[] { "", ".en", ".ar", ".uk", ".fa-AF", ".ka" })
        {
            var texts = Resources(suffix);
            foreach (var reason in used)
            {
                Assert.True(texts.TryGetValue($"Refusal.{reason}", out var text), $"Refusal.{reason} is missing from SharedResource{suffix}.resx");
                // A translation may leave an argument out or write a date its own way, never use one the English does not have.
                var allowed = Placeholder().Matches(english[$"Refusal.{reason}"]).Select(m => m.Groups["index"].Value).ToHashSet();
                var extra = Placeholder().Matches(text!).Select(m => m.Groups["index"].Value).Where(i => !allowed.Contains(i)).ToList();
                Assert.True(extra.Count == 0, $"Refusal.{reason} in SharedResource{suffix}.resx uses {{{string.Join(", ", extra)}}}");
            }
        }
    }

    [Fact]
    public async Task A_move_refused_by_another_block_names_its_times_in_french()
    {
        var partnerA = await app.SignedInAsync(TestSite.PartnerAUser);
        var partnerB = await app.SignedInAsync(TestSite.PartnerBUser);
        var mine = (await (await partnerA.BookBlockAsync(app.Site.ProKitchen, "2026-12-28T08:00", "2026-12-28T10:00", app.Site.PartnerA)).JsonAsync())
            .GetProperty("id").GetInt32();
        await partnerB.BookBlockAsync(app.Site.ProKitchen, "2026-12-28T11:00", "2026-12-28T14:00", app.Site.PartnerB);
        var page = await app.SignedInBrowserAsync(TestSite.PartnerAUser);

        var response = await page.SubmitAsync($"/Partner/Move?id={mine}", new Dictionary<string, string> { ["From"] = "09:00", ["To"] = "13:00" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("28 décembre : Pro kitchen est déjà réservé de 11:00 à 14:00.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("already", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meals_rows_left_empty_raise_no_error_and_a_missing_total_is_one_french_error()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var id = (await (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-29T08:00", "2026-12-29T12:00", app.Site.PartnerA)).JsonAsync())
            .GetProperty("id").GetInt32();
        var page = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 29, 11, 0));
        try
        {
            var empty = new Dictionary<string, string>
            {
                ["ByKind[0].Kind"] = "", ["ByKind[0].Count"] = "", ["ByKind[1].Kind"] = "", ["ByKind[1].Count"] = "",
                ["ByKind[2].Kind"] = "", ["ByKind[2].Count"] = "",
            };
            var withoutTotal = await page.SubmitAsync($"/Partner/Meals?id={id}", empty);
            var html = WebUtility.HtmlDecode(await withoutTotal.Content.ReadAsStringAsync());
            var saved = await page.SubmitAsync($"/Partner/Meals?id={id}", new Dictionary<string, string>(empty) { ["Meals"] = "40" });

            Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(html, "Indiquez le nombre total de repas produits."));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Coordinator_pages_name_kinds_and_audit_actions_in_words()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var id = (await (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-30T08:00", "2026-12-30T10:00", app.Site.PartnerA)).JsonAsync())
            .GetProperty("id").GetInt32();
        await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/move", new { start = "09:00", end = "11:00" });
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var spaces = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Spaces"));
        var rules = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Rules"));
        var audit = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Audit"));

        Assert.Contains(">Lave-linge<", spaces, StringComparison.Ordinal);
        Assert.DoesNotContain(">Washer<", spaces, StringComparison.Ordinal);
        Assert.DoesNotContain(">CookingStation<", spaces, StringComparison.Ordinal);
        Assert.Contains("Sèche-linge (min)", rules, StringComparison.Ordinal);
        Assert.DoesNotContain(">Laundry :", rules, StringComparison.Ordinal);
        Assert.Contains(">Réservation déplacée<", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(">booking.move<", audit, StringComparison.Ordinal);
    }

    [GeneratedRegex("""Because\([^,]+,\s*"(?<key>[a-z-]+)"|Refused\((?:Bookings\.)?Rule\.\w+,\s*"(?<key>[a-z-]+)",""")]
    private static partial Regex ReasonKey();

    [GeneratedRegex(@"\{(?<index>\d+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
