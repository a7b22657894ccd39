using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// The one-time slip speaks the family's language and French and says where to sign in; the week slip carries a
/// code the family scans to open its own sign-in in its language, apart from the one the desk scans.
/// </summary>
public class SlipsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_pin_slip_is_in_the_familys_language_and_french_with_the_sign_in_address_and_code()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var created = await desk.SubmitAsync("/Desk/Households/New", new Dictionary<string, string>
        {
            ["Input.Size"] = "3",
            ["Input.Language"] = "ar",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var slip = WebUtility.HtmlDecode(await desk.GetStringAsync(created.Headers.Location!.ToString()));

        var code = await app.WithDbAsync(db => db.Households.OrderByDescending(h => h.Id).Select(h => h.Code).FirstAsync());
        Assert.Contains("الرمز · Code", slip, StringComparison.Ordinal);
        Assert.Contains("رمز PIN · Code PIN", slip, StringComparison.Ordinal);
        Assert.Contains($"للدخول: امسحوا رمز QR، أو افتحوا هذا العنوان واكتبوا الرمز {code} والرقم السري:", slip, StringComparison.Ordinal);
        Assert.Contains($"Pour entrer : scannez le QR code, ou ouvrez cette adresse et tapez le code {code} et le code PIN :", slip, StringComparison.Ordinal);
        Assert.Contains($"{AppFactory.PublicUrl}/Family/SignIn</span>", slip, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", slip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_slip_has_a_code_the_family_scans_that_opens_its_own_sign_in_in_its_language()
    {
        var household = app.Site.Households[20];
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ChangeLanguage("uk");
            await db.SaveChangesAsync();
        });
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var html = await desk.GetStringAsync($"/Print/Family?household={household}&week=2026-11-30");

        var forFamily = QrCodes.ReadSvg(html[html.IndexOf("class=\"qr qr-family\"", StringComparison.Ordinal)..]);
        var forDesk = QrCodes.ReadSvg(html[html.IndexOf("class=\"qr\"", StringComparison.Ordinal)..]);

        Assert.Equal($"{AppFactory.PublicUrl}/Family/SignIn?code=TAA-20&lang=uk", forFamily);
        Assert.StartsWith($"{AppFactory.PublicUrl}/Desk/Households/Scan?t=", forDesk, StringComparison.Ordinal);
        var phone = app.CreateClient(); // follows redirects and keeps cookies, like a phone's browser
        var signIn = WebUtility.HtmlDecode(await (await phone.GetAsync(new Uri(forFamily).PathAndQuery)).Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"uk\"", signIn, StringComparison.Ordinal);
        Assert.Contains("value=\"TAA-20\"", signIn, StringComparison.Ordinal);
    }
}
