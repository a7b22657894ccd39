using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Pages;

public partial class LanguagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ResourceManager Resources = new("CantinaOps.Web.Resources.SharedResource", typeof(Program).Assembly);

    /// <summary>
    /// Lists every key missing from any language, all languages at once: keys added in French and English
    /// by one change are named here for the translators of the others.
    /// </summary>
    [Fact]
    public void Every_text_exists_in_every_shipped_language()
    {
        var keys = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(keys.Count > 150);
        Assert.Equal(11, Languages.Supported.Count);

        var missing = new List<string>();
        foreach (var (tag, _, _) in Languages.Supported.Where(l => l.Tag != Languages.Default))
        {
            var set = Resources.GetResourceSet(CultureInfo.GetCultureInfo(tag), createIfNotExists: true, tryParents: false);
            var lacking = set is null ? keys : keys.Where(k => string.IsNullOrWhiteSpace(set.GetString(k))).ToList();
            if (lacking.Count > 0)
            {
                missing.Add($"{tag} lacks {lacking.Count}: {string.Join(", ", lacking)}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>
    /// The translation files stay easy to merge and to check: one entry per line, sorted by key (ordinal),
    /// and every translation keeps the placeholders of the French text.
    /// </summary>
    [Fact]
    public void Translation_files_are_sorted_one_entry_a_line_and_keep_the_french_placeholders()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "CantinaOps.Web", "Resources");
        var french = Entries(Path.Combine(folder, "SharedResource.resx"));
        foreach (var (tag, _, _) in Languages.Supported)
        {
            var file = Path.Combine(folder, tag == Languages.Default ? "SharedResource.resx" : $"SharedResource.{tag}.resx");
            Assert.True(File.Exists(file), $"no translation file for {tag}");
            var entries = Entries(file);
            var keys = entries.Select(e => e.Key).ToList();
            Assert.True(keys.SequenceEqual(keys.Order(StringComparer.Ordinal)), $"{tag}: keys out of order near " +
                keys.Zip(keys.Skip(1)).FirstOrDefault(p => string.CompareOrdinal(p.First, p.Second) > 0));
            foreach (var (key, value) in entries)
            {
                if (french.FirstOrDefault(f => f.Key == key).Value is { } original)
                {
                    Assert.True(Placeholders(original).SetEquals(Placeholders(value)), $"{tag} {key}: «{value}» has not the placeholders of «{original}»");
                }
            }
        }
    }

    private static List<(string Key, string Value)> Entries(string file)
    {
        var lines = File.ReadAllLines(file);
        Assert.All(lines.Where(l => l.Contains("<data ", StringComparison.Ordinal)), l => Assert.Contains("</data>", l, StringComparison.Ordinal));
        return lines.Select(l => DataLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CantinaOps.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("""^\s*<data name="([^"]+)"[^>]*><value>(.*)</value></data>$""")]
    private static partial Regex DataLine();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("fa-AF")]
    [InlineData("ka")]
    [InlineData("ps")]
    [InlineData("ru")]
    [InlineData("sq")]
    [InlineData("tr")]
    [InlineData("ti")]
    public async Task Pages_show_no_untranslated_key_in_any_language(string tag)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var family = await app.SignedInFamilyAsync(app.Site.Households[200 + Languages.Supported.ToList().FindIndex(l => l.Tag == tag)]);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        foreach (var client in new[] { desk, family, coordinator, partner })
        {
            await client.SubmitAsync("/Language", new Dictionary<string, string> { ["culture"] = tag, ["returnUrl"] = "/" });
        }

        var pages = new List<string>();
        foreach (var url in new[] { "/Desk", "/Desk/Book?householdId=" + app.Site.Households[0], "/Desk/Households/New", "/Desk/OutOfOrder", "/Desk/Week" })
        {
            pages.Add(await desk.GetStringAsync(url));
        }

        foreach (var url in new[] { "/Family", "/Family/Bookings", "/Family/SignIn", "/Family/Phone" })
        {
            pages.Add(await family.GetStringAsync(url));
        }

        foreach (var url in new[] { "/Coordinator", "/Coordinator/Spaces", "/Coordinator/Closures", "/Coordinator/Rules", "/Coordinator/Requests",
                     "/Coordinator/Partners", "/Coordinator/Accounts", "/Coordinator/Affected" })
        {
            pages.Add(await coordinator.GetStringAsync(url));
        }

        foreach (var url in new[] { "/Partner", "/Partner/Request", "/Partner/Series", "/Partner/Feed" })
        {
            pages.Add(await partner.GetStringAsync(url));
        }

        foreach (var html in pages)
        {
            Assert.Contains($"lang=\"{tag}\"", html, StringComparison.Ordinal);
            var leftover = KeyLike().Matches(html).Select(m => m.Value).Distinct().ToList();
            Assert.True(leftover.Count == 0, $"untranslated in {tag}: {string.Join(", ", leftover)}");
        }
    }

    [GeneratedRegex(@">[^<]*\b(Board|Book|Family|Household|Households|Nav|Week|OutOfOrder|Rule|Status|Slip|Form|Login|Layout|Home|Audit|Coord|Partner|SetPassword)\.[A-Z][A-Za-z.]+")]
    private static partial Regex KeyLike();
}
