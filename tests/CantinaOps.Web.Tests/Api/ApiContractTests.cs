using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Api;

/// <summary>What an API client relies on: documented answers, ids that fit together, rule codes that say what happened, English details.</summary>
public class ApiContractTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/api/v1/availability", "get", "200")]
    [InlineData("/api/v1/resources", "get", "200")]
    [InlineData("/api/v1/spaces", "get", "200")]
    [InlineData("/api/v1/partner/bookings", "get", "200")]
    [InlineData("/api/v1/series/preview", "post", "200")]
    [InlineData("/api/v1/series", "post", "201")]
    public async Task The_success_of_each_call_is_documented_with_its_schema(string path, string method, string status)
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("type", out _) || schema.TryGetProperty("items", out _));
    }

    [Theory]
    [InlineData("/api/v1/bookings/{id}/meals", "post")]
    [InlineData("/api/v1/requests/{id}/approve", "post")]
    [InlineData("/api/v1/bookings/{id}", "delete")]
    public async Task Calls_answering_nothing_document_204(string path, string method)
    {
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty("204", out _));
        Assert.False(responses.TryGetProperty("200", out _));
    }

    [Fact]
    public async Task A_resource_s_space_id_is_one_of_the_spaces_and_filters_availability()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var spaces = (await (await desk.GetAsync("/api/v1/spaces")).JsonAsync()).EnumerateArray().ToList();
        var resources = (await (await desk.GetAsync("/api/v1/resources")).JsonAsync()).EnumerateArray().ToList();
        var washer = resources.Single(r => r.GetProperty("id").GetInt32() == app.Site.Washer1);
        var spaceId = washer.GetProperty("spaceId").GetInt32();
        var slots = (await (await desk.GetAsync($"/api/v1/availability?from=2026-12-02&days=1&space={spaceId}")).JsonAsync()).EnumerateArray().ToList();
        var byKind = (await (await desk.GetAsync("/api/v1/availability?from=2026-12-02&days=1&space=laundry")).JsonAsync()).EnumerateArray().ToList();

        var laundry = spaces.Single(s => s.GetProperty("id").GetInt32() == spaceId);
        Assert.Equal("laundry", laundry.GetProperty("kind").GetString());
        Assert.Equal(washer.GetProperty("space").GetString(), laundry.GetProperty("name").GetString());
        var inSpace = resources.Where(r => r.GetProperty("spaceId").GetInt32() == spaceId).Select(r => r.GetProperty("id").GetInt32()).ToHashSet();
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Contains(s.GetProperty("resourceId").GetInt32(), inSpace));
        Assert.Equal(byKind.Count, slots.Count);
    }

    [Fact]
    public async Task A_series_sent_without_choices_asks_for_them_and_one_whose_plan_changed_says_so()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var b = await app.SignedInAsync(TestSite.PartnerBUser);
        await b.BookBlockAsync(app.Site.ProKitchen, "2027-03-09T10:00", "2027-03-09T12:00", app.Site.PartnerB);
        object Body(Dictionary<string, string>? choices) =>
            new { resourceId = app.Site.ProKitchen, days = new[] { "tuesday" }, start = "07:30", end = "13:00", from = "2027-03-02", to = "2027-03-16", choices };

        var without = await (await a.PostAsJsonAsync("/api/v1/series", Body(null))).JsonAsync();
        var otherDay = await (await a.PostAsJsonAsync("/api/v1/series", Body(new() { ["2027-03-02"] = "skip" }))).JsonAsync();

        Assert.Equal((409, "choice-required"), (without.GetProperty("status").GetInt32(), without.GetProperty("rule").GetString()));
        Assert.Contains("2027-03-09", without.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("plan changed", without.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((409, "slot-taken"), (otherDay.GetProperty("status").GetInt32(), otherDay.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task A_series_that_cannot_be_made_is_explained_in_plain_english()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);

        var backwards = await a.PostAsJsonAsync("/api/v1/series/preview",
            new { resourceId = app.Site.ProKitchen, days = new[] { "monday" }, start = "07:30", end = "13:00", from = "2027-05-10", to = "2027-05-01" });
        var problem = await backwards.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Equal("invalid-block", problem.GetProperty("rule").GetString());
        Assert.Equal("A series runs forwards, for at most about a year.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Meals_too_early_say_not_started_and_unknown_checklist_items_or_nameless_kinds_are_400()
    {
        var a = await app.SignedInAsync(TestSite.PartnerAUser);
        var id = (await (await a.BookBlockAsync(app.Site.ProKitchen, "2026-12-22T08:00", "2026-12-22T12:00", app.Site.PartnerA)).JsonAsync())
            .GetProperty("id").GetInt32();

        var early = await (await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", new { meals = 10 })).JsonAsync();
        app.Clock.Reset(Instant.FromUtc(2026, 12, 22, 11, 0));
        try
        {
            var unknownItem = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", new { meals = 10, checklist = new[] { 999 } });
            var nameless = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", new { meals = 10, byKind = new[] { new { kind = " ", count = 10 } } });
            var emptyRowsOnly = await a.PostAsJsonAsync($"/api/v1/bookings/{id}/meals", new { meals = 10, byKind = new[] { new { kind = "", count = 0 } } });

            Assert.Equal((422, "not-started"), (early.GetProperty("status").GetInt32(), early.GetProperty("rule").GetString()));
            Assert.Equal(HttpStatusCode.BadRequest, unknownItem.StatusCode);
            Assert.True((await unknownItem.JsonAsync()).GetProperty("errors").TryGetProperty("checklist", out _));
            Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
            Assert.True((await nameless.JsonAsync()).GetProperty("errors").TryGetProperty("byKind", out _));
            Assert.Equal(HttpStatusCode.NoContent, emptyRowsOnly.StatusCode);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Theory]
    [InlineData("2026-12-02T08:00Z", 1, "2026-12-02T09:00", 210)]
    [InlineData("2026-12-02T09:00+01:00", 2, "2026-12-02T09:00", 211)]
    [InlineData("2026-12-03T10:00+02:00", 1, "2026-12-03T09:00", 212)]
    public async Task An_instant_with_z_or_an_offset_books_its_local_time(string start, int washer, string local, int household)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.BookAsync(washer == 1 ? app.Site.Washer1 : app.Site.Washer2, start, app.Site.Households[household]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(local, (await response.JsonAsync()).GetProperty("start").GetString());
    }

    [Fact]
    public async Task Refusal_details_are_english_whatever_language_the_client_asks_for()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var response = await desk.BookAsync(app.Site.Washer1, "2027-01-20T09:00", app.Site.Households[215]);
        var problem = await response.JsonAsync();

        Assert.Equal("too-far-ahead", problem.GetProperty("rule").GetString());
        Assert.Equal("Bookings open 14 days ahead; the last bookable day is 14 December 2026.", problem.GetProperty("detail").GetString());
    }
}
