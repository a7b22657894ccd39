using System.Net;
using System.Text.Json;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Api;

public class AvailabilityApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<List<JsonElement>> SlotsAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).EnumerateArray().ToList();

    [Fact]
    public async Task Availability_lists_every_slot_and_shows_a_booked_one_as_taken()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        await desk.BookAsync(app.Site.Washer1, "2026-12-02T14:00", app.Site.Households[20]);

        var slots = await SlotsAsync(await desk.GetAsync("/api/v1/availability?from=2026-12-02&days=1&space=laundry"));

        // 3 machines x (6 night + 3 morning + 4 afternoon) slots.
        Assert.Equal(3 * 13, slots.Count);
        var booked = slots.Single(s => s.GetProperty("resourceId").GetInt32() == app.Site.Washer1
            && s.GetProperty("start").GetString() == "2026-12-02T14:00");
        Assert.False(booked.GetProperty("free").GetBoolean());
        Assert.Equal("2026-12-02T15:00", booked.GetProperty("end").GetString());
        Assert.True(slots.Single(s => s.GetProperty("resourceId").GetInt32() == app.Site.Washer2
            && s.GetProperty("start").GetString() == "2026-12-02T14:00").GetProperty("free").GetBoolean());
    }

    [Fact]
    public async Task On_the_fall_back_day_the_repeated_hour_appears_once_with_its_offset()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var slots = await SlotsAsync(await desk.GetAsync("/api/v1/availability?from=2026-10-25&days=1&space=laundry"));
        var washer = slots.Where(s => s.GetProperty("resourceId").GetInt32() == app.Site.Washer1)
            .Select(s => s.GetProperty("start").GetString()).ToList();

        Assert.Equal(["2026-10-25T00:00", "2026-10-25T01:00", "2026-10-25T02:00+02:00", "2026-10-25T03:00",
            "2026-10-25T04:00", "2026-10-25T05:00"], washer);
    }

    [Fact]
    public async Task On_the_spring_forward_day_the_skipped_hour_has_no_slot()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var slots = await SlotsAsync(await desk.GetAsync("/api/v1/availability?from=2026-03-29&days=1&space=laundry"));
        var washer = slots.Where(s => s.GetProperty("resourceId").GetInt32() == app.Site.Washer1)
            .Select(s => s.GetProperty("start").GetString()).ToList();

        Assert.Equal(["2026-03-29T00:00", "2026-03-29T01:00", "2026-03-29T03:00", "2026-03-29T04:00", "2026-03-29T05:00"], washer);
    }

    [Fact]
    public async Task The_kitchen_day_is_split_around_partner_blocks()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-09T07:30", "2026-12-09T13:00", app.Site.PartnerA);

        var slots = await SlotsAsync(await partner.GetAsync("/api/v1/availability?from=2026-12-09&days=1&space=professional-kitchen"));

        Assert.Equal([("2026-12-09T07:00", true), ("2026-12-09T07:30", false), ("2026-12-09T13:00", true)],
            slots.Select(s => (s.GetProperty("start").GetString(), s.GetProperty("free").GetBoolean())));
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=32")]
    [InlineData("from=tomorrow")]
    [InlineData("space=swimming-pool")]
    [InlineData("days=seven")]
    public async Task Bad_parameters_answer_400(string query)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.GetAsync($"/api/v1/availability?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_date_availability_starts_today_at_the_site()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var slots = await SlotsAsync(await desk.GetAsync("/api/v1/availability?days=1&space=laundry"));

        Assert.All(slots, s => Assert.StartsWith("2026-11-30T", s.GetProperty("start").GetString(), StringComparison.Ordinal));
    }
}
