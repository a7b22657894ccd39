using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Pages;

public partial class LanguagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly ResourceManager Resources = new("CantinaOps.Web.Resources.SharedResource", typeof(Program).Assembly);

    [Fact]
    public void Every_text_exists_in_every_shipped_language()
    {
        var keys = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.True(keys.Count > 150);

        foreach (var (tag, _, _) in Languages.Supported.Where(l => l.Tag != Languages.Default))
        {
            var set = Resources.GetResourceSet(CultureInfo.GetCultureInfo(tag), createIfNotExists: true, tryParents: false);
            Assert.NotNull(set);
            var missing = keys.Where(k => string.IsNullOrWhiteSpace(set.GetString(k))).ToList();
            Assert.True(missing.Count == 0, $"{tag} lacks: {string.Join(", ", missing)}");
        }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("fa-AF")]
    [InlineData("ka")]
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
