using System.Text.RegularExpressions;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>Posts a form the way a browser does: with the antiforgery token of the page it came from.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl,
        IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpClient> SignedInBrowserAsync(this AppFactory app, string email)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestSite.Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
