using System.Net;
using System.Net.Http.Json;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Partner;

/// <summary>What a calendar client (read back with Ical.Net) sees of a booking's life: every change, its end, under any Host.</summary>
public class CalendarFeedTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> FeedTokenAsync(int? partnerId, int? householdId) =>
        await app.WithServicesAsync(services => services.GetRequiredService<CalendarFeeds>().RenewAsync(partnerId, householdId, CancellationToken.None));

    private async Task<CalendarEvent?> EventAsync(string token, int bookingId, string host = "http://localhost")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(host) });
        var calendar = Calendar.Load(await client.GetStringAsync($"/feeds/{token}.ics"))!;
        return calendar.Events.SingleOrDefault(e => e.Uid == $"booking-{bookingId}@cantinaops.test");
    }

    private async Task<int> PendingRequestAsync(HttpClient partner, string day)
    {
        await app.WithDbAsync(async db =>
        {
            var pro = await db.Spaces.SingleAsync(s => s.Resources.Any(r => r.Id == app.Site.ProKitchen));
            pro.Configure(pro.Name, pro.MinimumNotice, pro.HorizonDays, requiresApproval: true);
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var response = await partner.BookBlockAsync(app.Site.ProKitchen, $"{day}T08:00", $"{day}T12:00", app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Each_change_raises_the_sequence_and_a_cancelled_block_stays_30_days_as_cancelled_under_any_host()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var id = await PendingRequestAsync(partner, "2027-01-19");
        var token = await FeedTokenAsync(app.Site.PartnerA, null);

        var asked = await EventAsync(token, id);
        app.Clock.AdvanceMinutes(10);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/v1/requests/{id}/approve", new { })).StatusCode);
        var approved = await EventAsync(token, id);
        app.Clock.AdvanceMinutes(10);
        var moved = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/move", new { start = "09:00", end = "13:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var afterMove = await EventAsync(token, id);
        var underAnotherHost = await EventAsync(token, id, "http://forged.example");
        app.Clock.AdvanceMinutes(10);
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/v1/bookings/{id}")).StatusCode);
        var cancelled = await EventAsync(token, id);
        var cancelledAt = app.Clock.GetCurrentInstant();
        app.Clock.Reset(cancelledAt + Duration.FromDays(31));
        var month = await EventAsync(token, id);
        app.Clock.Reset(AppFactory.Now);

        Assert.Equal([0, 1, 2, 3], new[] { asked!.Sequence, approved!.Sequence, afterMove!.Sequence, cancelled!.Sequence });
        Assert.Equal(string.Join(' ', EventStatus.Tentative, EventStatus.Confirmed, EventStatus.Confirmed, EventStatus.Cancelled),
            string.Join(' ', asked.Status, approved.Status, afterMove.Status, cancelled.Status));
        Assert.Equal(AppFactory.Now.Plus(Duration.FromMinutes(20)).ToDateTimeUtc(), afterMove.LastModified!.AsUtc);
        Assert.Equal(cancelledAt.ToDateTimeUtc(), cancelled.LastModified!.AsUtc);
        Assert.Equal(new DateTime(2027, 1, 19, 8, 0, 0, DateTimeKind.Utc), afterMove.DtStart!.AsUtc);
        Assert.NotNull(underAnotherHost);
        Assert.Equal(afterMove.Uid, underAnotherHost.Uid);
        Assert.Null(month);
    }

    [Fact]
    public async Task A_declined_request_stays_in_the_feed_as_cancelled()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var id = await PendingRequestAsync(partner, "2027-01-20");
        var token = await FeedTokenAsync(app.Site.PartnerA, null);

        Assert.Equal(HttpStatusCode.NoContent,
            (await coordinator.PostAsJsonAsync($"/api/v1/requests/{id}/decline", new { reason = "Travaux" })).StatusCode);
        var declined = await EventAsync(token, id);

        Assert.NotNull(declined);
        Assert.Equal(EventStatus.Cancelled, declined.Status);
        Assert.Equal(1, declined.Sequence);
    }

    [Fact]
    public async Task The_event_names_the_partner_and_the_space_and_tells_the_meals_once_declared()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-21T08:00", "2026-12-21T12:00", app.Site.PartnerA);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var token = await FeedTokenAsync(app.Site.PartnerA, null);

        var before = await EventAsync(token, id);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 21, 11, 30));
        try
        {
            var declared = await partner.PostAsJsonAsync($"/api/v1/bookings/{id}/meals",
                new { meals = 120, byKind = new[] { new { kind = "plats chauds", count = 100 }, new { kind = "desserts", count = 20 } } });
            Assert.Equal(HttpStatusCode.NoContent, declared.StatusCode);
            var after = await EventAsync(token, id);

            Assert.Equal("Restos Test — Pro kitchen", before!.Summary);
            Assert.Null(before.Description);
            Assert.Equal("Repas déclarés : 120 (plats chauds 100, desserts 20)", after!.Description);
            Assert.Equal(new DateTime(2026, 12, 21, 11, 30, 0, DateTimeKind.Utc), after.LastModified!.AsUtc);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task A_household_s_cancelled_booking_stays_as_cancelled_with_its_sequence_raised()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var household = app.Site.Households[200];
        var id = (await (await desk.BookAsync(app.Site.Washer1, "2026-12-03T09:00", household)).JsonAsync()).GetProperty("id").GetInt32();
        var token = await FeedTokenAsync(null, household);

        var booked = await EventAsync(token, id);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.DeleteAsync($"/api/v1/bookings/{id}")).StatusCode);
        var cancelled = await EventAsync(token, id);

        Assert.Equal((0, EventStatus.Confirmed), (booked!.Sequence, booked.Status));
        Assert.Equal((1, EventStatus.Cancelled), (cancelled!.Sequence, cancelled.Status));
        Assert.Equal("Laundry — Washer 1", cancelled.Summary);
    }
}
