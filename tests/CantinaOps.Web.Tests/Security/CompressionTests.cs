using System.IO.Compression;
using System.Net.Http.Headers;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Security;

public class CompressionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_page_goes_out_compressed_to_a_browser_that_asks_and_reads_the_same(string encoding)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var plain = await desk.GetStringAsync("/Desk/Week?week=2026-12-01");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Desk/Week?week=2026-12-01");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await desk.SendAsync(request);
        var sent = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var html = Decode(sent, encoding);
        Assert.True(sent.Length < html.Length / 3, $"{sent.Length} bytes sent for {html.Length}");
        // The antiforgery token of the sign-out form is new in every answer; the rest of the page is the same.
        Assert.Equal(WithoutTokens(plain), WithoutTokens(html));
    }

    [Fact]
    public async Task A_client_that_does_not_ask_gets_the_page_and_the_api_as_they_are()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        using var page = await desk.GetAsync("/Desk/Week");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/resources");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var api = await desk.SendAsync(request);

        Assert.Empty(page.Content.Headers.ContentEncoding);
        Assert.Empty(api.Content.Headers.ContentEncoding); // JSON: the API's clients choose for themselves
    }

    private static string Decode(byte[] body, string encoding)
    {
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");
}
