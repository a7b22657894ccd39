using System.Net;
using System.Text.RegularExpressions;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CantinaOps.Web.Tests.Security;

public partial class HeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Family/SignIn")]
    [InlineData("/api/v1/resources")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_browser_protections(string path)
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: no HSTS
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_app_is_served_over_https()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cantina.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login");

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_the_slip_with_its_qr_code_have_no_inline_script_style_or_handler()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var household = app.Site.Households[30];
        var slip = await desk.SubmitAsync($"/Desk/Households/Edit?id={household}", new Dictionary<string, string>(),
            $"/Desk/Households/Edit?id={household}&handler=NewPin");
        var pages = new List<string> { await desk.GetStringAsync(slip.Headers.Location) };
        foreach (var path in new[] { "/Desk", "/Desk/Households", "/Desk/Week", "/Print/Day", $"/Print/Family?household={household}", "/Account/Login" })
        {
            pages.Add(await desk.GetStringAsync(path));
        }

        Assert.Contains(pages, p => p.Contains("<svg", StringComparison.Ordinal)); // the QR code was drawn
        Assert.All(pages, page => Assert.Empty(InlineCode().Matches(page)));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;

    // An inline <script> body, an event-handler attribute, a style attribute or element, a javascript: URL.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
