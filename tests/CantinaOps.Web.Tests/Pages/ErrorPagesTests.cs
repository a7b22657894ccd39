using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Pages;

/// <summary>A wrong link or a refused request ends on a page in the app's layout and the reader's language, with a way back; the API keeps problem details.</summary>
public class ErrorPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Another_familys_ticket_is_not_found_in_the_familys_language_with_the_way_back_to_its_home()
    {
        var household = app.Site.Households[1];
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ChangeLanguage("ar");
            await db.SaveChangesAsync();
        });
        var family = await app.SignedInFamilyAsync(household);

        var response = await family.GetAsync("/Family/Ticket?id=987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await BodyAsync(response);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<body class=\"family\">", html, StringComparison.Ordinal);
        Assert.Contains("الصفحة غير موجودة", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Family\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_and_a_bad_form_get_their_page_in_french()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var missing = await anonymous.GetAsync("/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await BodyAsync(missing);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
        Assert.Contains("Retour à l'accueil", html, StringComparison.Ordinal);
        Assert.Contains("<header class=\"top\">", html, StringComparison.Ordinal);

        var family = await app.SignedInFamilyAsync(app.Site.Households[2]);
        var bad = await family.SubmitAsync("/Family", new Dictionary<string, string> { ["start"] = "not a time" }, "/Family/Book?space=1&kind=Washer");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Demande incorrecte", await BodyAsync(bad), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_keeps_its_problem_details()
    {
        var api = await app.SignedInAsync(TestSite.Desk);

        var response = await api.GetAsync("/api/v1/bookings/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
