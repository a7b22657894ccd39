using System.Net;
using System.Net.Http.Json;
using System.Text;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Api;

public class BookingsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private TestSite Site => app.Site;

    [Fact]
    public async Task A_desk_user_books_a_free_slot_and_reads_it_back()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var created = await desk.BookAsync(Site.Washer1, "2026-12-01T09:00", Site.Households[0]);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("2026-12-01T09:00", body.GetProperty("start").GetString());
        Assert.Equal("2026-12-01T10:00", body.GetProperty("end").GetString());
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        var read = await desk.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body.GetProperty("id").GetInt32(), (await read.JsonAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_taken_slot_answers_409_with_the_rule()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        await desk.BookAsync(Site.Washer1, "2026-12-01T10:00", Site.Households[1]);

        var second = await desk.BookAsync(Site.Washer1, "2026-12-01T10:00", Site.Households[2]);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("slot-taken", (await second.JsonAsync()).GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("2026-12-25T09:00", "closed")]
    [InlineData("2026-12-01T12:30", "outside-opening-hours")]
    [InlineData("2026-12-01T09:30", "not-a-slot-start")]
    [InlineData("2026-11-30T08:00", "too-late")]
    [InlineData("2026-11-29T09:00", "too-late")]
    [InlineData("2026-12-15T09:00", "too-far-ahead")]
    [InlineData("2027-03-28T02:30", "nonexistent-local-time")]
    public async Task A_broken_rule_answers_422_naming_the_rule(string start, string rule)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.BookAsync(Site.Washer2, start, Site.Households[3]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(rule, (await response.JsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_weekly_quota_answers_422_quota_reached()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var household = Site.Households[6]; // size 1: 2 cycles a week

        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(Site.Dryer, "2026-12-02T09:00", household)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(Site.Dryer, "2026-12-02T10:00", household)).StatusCode);
        var third = await desk.BookAsync(Site.Dryer, "2026-12-02T11:00", household);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, third.StatusCode);
        Assert.Equal("quota-reached", (await third.JsonAsync()).GetProperty("rule").GetString());
        // The next ISO week starts afresh.
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(Site.Dryer, "2026-12-07T09:00", household)).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_books_beyond_the_quota_with_a_reason_and_nobody_else_may()
    {
        var household = Site.Households[60]; // size 1: 2 cycles a week
        var desk = await app.SignedInAsync(TestSite.Desk);
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(Site.Dryer, "2026-12-03T09:00", household)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(Site.Dryer, "2026-12-03T10:00", household)).StatusCode);
        object Third(string? reason) => new { resourceId = Site.Dryer, start = "2026-12-03T11:00", householdId = household, quotaExceptionReason = reason };

        var asDesk = await desk.PostAsJsonAsync("/api/v1/bookings", Third("Leaves the hotel on Friday"));
        var asPartner = await partner.PostAsJsonAsync("/api/v1/bookings", Third("Leaves the hotel on Friday"));
        var withoutReason = await coordinator.PostAsJsonAsync("/api/v1/bookings", Third(null));
        var tooLong = await coordinator.PostAsJsonAsync("/api/v1/bookings", Third(new string('x', 301)));
        var onABlock = await coordinator.PostAsJsonAsync("/api/v1/bookings",
            new { resourceId = Site.ProKitchen, start = "2026-12-03T08:00", end = "2026-12-03T10:00", partnerId = Site.PartnerA, quotaExceptionReason = "why" });

        Assert.Equal(HttpStatusCode.Forbidden, asDesk.StatusCode);
        Assert.Equal("application/problem+json", asDesk.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, asPartner.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal("quota-reached", (await withoutReason.JsonAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("quotaExceptionReason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, onABlock.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == household)));

        var granted = await coordinator.PostAsJsonAsync("/api/v1/bookings", Third("  Leaves the hotel on Friday "));

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == household)));
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync());
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Action == "booking.quota-exception" && a.Subject == code).Select(a => a.Detail).ToListAsync());
        Assert.Contains(audit, d => d!.EndsWith(": Leaves the hotel on Friday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_inactive_household_answers_422()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.BookAsync(Site.Washer2, "2026-12-03T09:00", Site.InactiveHousehold);

        Assert.Equal("household-inactive", (await response.JsonAsync()).GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("{\"resourceId\": 1, \"start\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"resourceId\": \"one\", \"start\": \"2026-12-01T09:00\", \"householdId\": 1}")]
    [InlineData("{\"start\": \"2026-12-01T09:00\", \"householdId\": 1}")]
    [InlineData("{\"resourceId\": 1, \"start\": \"01/12/2026 09:00\", \"householdId\": 1}")]
    [InlineData("{\"resourceId\": 1, \"start\": \"2026-13-01T09:00\", \"householdId\": 1}")]
    [InlineData("{\"resourceId\": 1, \"start\": \"2026-12-01T09:00\"}")]
    [InlineData("{\"resourceId\": 1, \"start\": \"2026-12-01T09:00\", \"householdId\": 1, \"partnerId\": 1}")]
    public async Task Malformed_requests_answer_400_with_a_problem_body(string json)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        var response = await desk.PostAsync("/api/v1/bookings", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_resource_or_household_answers_404()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);

        Assert.Equal(HttpStatusCode.NotFound, (await desk.BookAsync(9999, "2026-12-01T09:00", Site.Households[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.BookAsync(Site.Washer2, "2026-12-01T09:00", 99999)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/api/v1/bookings/99999")).StatusCode);
    }

    [Fact]
    public async Task A_partner_user_cannot_book_a_washer_or_for_another_partner_or_for_a_household()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);

        var washer = await partner.BookBlockAsync(Site.Washer2, "2026-12-01T09:00", "2026-12-01T10:00", Site.PartnerA);
        var other = await partner.BookBlockAsync(Site.ProKitchen, "2026-12-08T07:30", "2026-12-08T13:00", Site.PartnerB);
        var household = await partner.BookAsync(Site.Washer2, "2026-12-01T09:00", Site.Households[0]);

        Assert.Equal(HttpStatusCode.Forbidden, washer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, household.StatusCode);
    }

    [Fact]
    public async Task A_partner_books_a_kitchen_block_and_overlapping_blocks_are_refused()
    {
        var partnerA = await app.SignedInAsync(TestSite.PartnerAUser);
        var partnerB = await app.SignedInAsync(TestSite.PartnerBUser);

        var morning = await partnerA.BookBlockAsync(Site.ProKitchen, "2026-12-10T07:30", "2026-12-10T13:00", Site.PartnerA);
        var overlap = await partnerB.BookBlockAsync(Site.ProKitchen, "2026-12-10T12:00", "2026-12-10T16:00", Site.PartnerB);
        var afternoon = await partnerB.BookBlockAsync(Site.ProKitchen, "2026-12-10T13:00", "2026-12-10T16:00", Site.PartnerB);

        Assert.Equal(HttpStatusCode.Created, morning.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afternoon.StatusCode);
    }

    [Fact]
    public async Task A_partner_user_cannot_read_or_cancel_another_partners_booking()
    {
        var partnerA = await app.SignedInAsync(TestSite.PartnerAUser);
        var partnerB = await app.SignedInAsync(TestSite.PartnerBUser);
        var created = await partnerA.BookBlockAsync(Site.ProKitchen, "2026-12-11T07:30", "2026-12-11T13:00", Site.PartnerA);
        var location = created.Headers.Location;

        Assert.Equal(HttpStatusCode.NotFound, (await partnerB.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerB.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partnerA.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_for_someone_else()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var created = await desk.BookAsync(Site.Washer1, "2026-12-01T11:00", Site.Households[4]);

        var cancelled = await desk.DeleteAsync(created.Headers.Location);
        var rebooked = await desk.BookAsync(Site.Washer1, "2026-12-01T11:00", Site.Households[5]);

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal("cancelled", (await (await desk.GetAsync(created.Headers.Location)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, rebooked.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.BookAsync(Site.Washer1, "2026-12-01T09:00", Site.Households[0])).StatusCode);
    }

    [Fact]
    public async Task A_slot_in_the_repeated_october_hour_is_booked_by_local_time_or_offset()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 10, 20, 10, 0));
        try
        {
            var desk = await app.SignedInAsync(TestSite.Desk);

            var first = await desk.BookAsync(Site.Washer2, "2026-10-25T02:00", Site.Households[7]);
            var sameWithOffset = await desk.BookAsync(Site.Washer2, "2026-10-25T02:00+02:00", Site.Households[8]);
            var secondOccurrence = await desk.BookAsync(Site.Washer2, "2026-10-25T02:00+01:00", Site.Households[9]);

            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal("2026-10-25T02:00+02:00", (await first.JsonAsync()).GetProperty("start").GetString());
            Assert.Equal(HttpStatusCode.Conflict, sameWithOffset.StatusCode);
            Assert.Equal("not-a-slot-start", (await secondOccurrence.JsonAsync()).GetProperty("rule").GetString());
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_one_slot_make_exactly_one_booking()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var households = Site.Households.Skip(40).Take(200).ToList();
        using var gate = new SemaphoreSlim(0);

        var requests = households.Select(async household =>
        {
            await gate.WaitAsync();
            return await desk.BookAsync(Site.Washer2, "2026-12-04T15:00", household);
        }).ToList();
        gate.Release(requests.Count);
        var responses = await Task.WhenAll(requests);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var start = Instant.FromUtc(2026, 12, 4, 14, 0);
        var rows = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == Site.Washer2 && b.Start == start));
        Assert.Equal(1, rows);
    }
}
