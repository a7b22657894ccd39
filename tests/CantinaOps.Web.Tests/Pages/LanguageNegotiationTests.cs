using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Pages;

/// <summary>A phone's language settings choose the family pages' language, related tags included, before French.</summary>
public class LanguageNegotiationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("fa-IR,fa;q=0.9,en;q=0.5", "fa-AF", "rtl", "ورود با کد من")]
    [InlineData("fa", "fa-AF", "rtl", "ورود با کد من")]
    [InlineData("ps", "ps", "rtl", "په خپل کوډ ننوتل")]
    [InlineData("ps-AF,ps;q=0.9", "ps", "rtl", "په خپل کوډ ننوتل")]
    [InlineData("ru-RU,ru;q=0.9,en-US;q=0.8", "ru", "ltr", "Войти по моему коду")]
    [InlineData("sq-AL", "sq", "ltr", "Hyr me kodin tim")]
    [InlineData("tr-TR", "tr", "ltr", "Kodumla giriş")]
    [InlineData("de-DE,ti-ER;q=0.8", "ti", "ltr", "ብኮደይ እቶ")]
    [InlineData("es-ES,es;q=0.9,ps;q=0.1", "ps", "rtl", "په خپل کوډ ننوتل")]
    [InlineData("ru;q=0,ps-AF;q=0.5", "ps", "rtl", "په خپل کوډ ننوتل")]
    public async Task A_phone_s_language_chooses_the_family_pages_language(string acceptLanguage, string tag, string direction, string? title)
    {
        var phone = app.CreateClient();
        phone.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = WebUtility.HtmlDecode(await phone.GetStringAsync("/Family/SignIn"));

        Assert.Contains($"<html lang=\"{tag}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        if (title is not null)
        {
            Assert.Contains(title, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_family_opening_the_language_page_keeps_the_family_layout()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[230]);

        var page = WebUtility.HtmlDecode(await family.GetStringAsync("/Language?returnUrl=/Family"));

        Assert.Contains("<body class=\"family\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Family/Bookings\"", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/Family/SignOut\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/Account/Login", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_choosing_pashto_gets_right_to_left_pages_and_keeps_the_choice()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[231]);

        await family.SubmitAsync("/Language", new Dictionary<string, string> { ["culture"] = "ps", ["returnUrl"] = "/Family" });

        Assert.Equal("ps", await app.WithDbAsync(db => db.Households.Where(h => h.Id == app.Site.Households[231]).Select(h => h.Language).SingleAsync()));
        var page = WebUtility.HtmlDecode(await family.GetStringAsync("/Family"));
        Assert.Contains("<html lang=\"ps\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("زما نوبتونه", page, StringComparison.Ordinal);
    }
}
