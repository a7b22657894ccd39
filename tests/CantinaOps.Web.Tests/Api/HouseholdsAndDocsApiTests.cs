using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Api;

public class HouseholdsAndDocsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_a_household_gives_it_a_code_and_stores_the_phone_in_e164()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.PostAsJsonAsync("/api/v1/households",
            new { displayName = "Amina", size = 4, language = "ar", phone = "06 12 34 56 78" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var code = body.GetProperty("code").GetString();
        Assert.True(HouseholdCode.IsWellFormed(code));
        var stored = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Code == code));
        Assert.Equal("+33612345678", stored.Phone);
        Assert.Equal("ar", stored.Language);
        Assert.Equal(body.GetProperty("id").GetInt32(), stored.Id);
    }

    [Theory]
    [InlineData(0, "fr", null, "size")]
    [InlineData(31, "fr", null, "size")]
    [InlineData(2, "xx", null, "language")]
    [InlineData(2, "fr", "12", "phone")]
    public async Task Invalid_values_answer_400_naming_the_field_and_store_nothing(int size, string language, string? phone,
        string field)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var before = await app.WithDbAsync(db => db.Households.CountAsync());

        var response = await desk.PostAsJsonAsync("/api/v1/households", new { size, language, phone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Households.CountAsync()));
    }

    [Fact]
    public async Task A_partner_user_cannot_register_households()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);

        var response = await partner.PostAsJsonAsync("/api/v1/households", new { size = 2, language = "fr" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Resources_are_listed_with_their_space_and_kind()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var resources = (await (await desk.GetAsync("/api/v1/resources")).JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(4, resources.Count);
        var dryer = resources.Single(r => r.GetProperty("id").GetInt32() == app.Site.Dryer);
        Assert.Equal("dryer", dryer.GetProperty("kind").GetString());
        Assert.Equal("Laundry", dryer.GetProperty("space").GetString());
        Assert.Equal(1, dryer.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/resources", "/api/v1/availability", "/api/v1/households",
                     "/api/v1/bookings", "/api/v1/bookings/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
