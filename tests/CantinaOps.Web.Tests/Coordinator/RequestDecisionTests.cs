using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>Approving or declining a partner's request by the page or the API: same status, audit entry and notice to the partner.</summary>
public class RequestDecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { Page, Api }

    private async Task<int> PendingRequestAsync(int day)
    {
        await app.WithDbAsync(async db =>
        {
            var pro = await db.Spaces.SingleAsync(s => s.Resources.Any(r => r.Id == app.Site.ProKitchen));
            if (!pro.RequiresApproval)
            {
                pro.Configure(pro.Name, pro.MinimumNotice, pro.HorizonDays, requiresApproval: true);
                await db.SaveChangesAsync();
            }
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var response = await partner.BookBlockAsync(app.Site.ProKitchen, $"2026-12-{day:00}T08:00", $"2026-12-{day:00}T12:00", app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("pending", json.GetProperty("status").GetString());
        return json.GetProperty("id").GetInt32();
    }

    private async Task DecideAsync(Way way, int request, string decision, string? reason = null)
    {
        if (way == Way.Api)
        {
            var coordinator = await app.SignedInAsync(TestSite.Coordinator);
            var response = await coordinator.PostAsJsonAsync($"/api/v1/requests/{request}/{decision}", new { reason });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return;
        }

        var page = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var fields = new Dictionary<string, string>();
        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        var handler = decision == "approve" ? "Approve" : "Decline";
        Assert.Equal(HttpStatusCode.Redirect,
            (await page.SubmitAsync("/Coordinator/Requests", fields, $"/Coordinator/Requests?handler={handler}&id={request}")).StatusCode);
    }

    [Theory]
    [InlineData(Way.Page, 7)]
    [InlineData(Way.Api, 8)]
    public async Task An_approved_request_is_confirmed_audited_and_told_to_the_partner(Way way, int day)
    {
        var request = await PendingRequestAsync(day);

        await DecideAsync(way, request, "approve");

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == request));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "request.approve" && a.Subject == $"booking {request}")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == request && n.Kind == NoticeKind.RequestApproved
            && n.PartnerId == app.Site.PartnerA)));
    }

    [Theory]
    [InlineData(Way.Page, 9)]
    [InlineData(Way.Api, 10)]
    public async Task A_declined_request_frees_its_time_keeps_its_reason_and_is_told_to_the_partner(Way way, int day)
    {
        var request = await PendingRequestAsync(day);

        await DecideAsync(way, request, "decline", "Cuisine réservée pour un audit d'hygiène");

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == request));
        Assert.Equal(BookingStatus.Declined, booking.Status);
        Assert.Null(booking.HeldFrom);
        Assert.Equal("Cuisine réservée pour un audit d'hygiène", booking.Note);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "request.decline" && a.Subject == $"booking {request}")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == request && n.Kind == NoticeKind.RequestDeclined)));
    }

    [Fact]
    public async Task Only_coordinators_decide_and_a_request_is_decided_once()
    {
        var request = await PendingRequestAsync(11);
        var desk = await app.SignedInAsync(TestSite.Desk);
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync($"/api/v1/requests/{request}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/requests/{request}/approve", new { })).StatusCode);
        var tooLong = await coordinator.PostAsJsonAsync($"/api/v1/requests/{request}/decline", new { reason = new string('x', 301) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/v1/requests/{request}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync($"/api/v1/requests/{request}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync("/api/v1/requests/999999/decline", new { })).StatusCode);
    }

    [Theory]
    [InlineData(Way.Page, 16)]
    [InlineData(Way.Api, 17)]
    public async Task A_partner_s_request_waits_for_approval_whether_asked_by_page_or_API_while_the_coordinator_s_own_booking_does_not(Way way, int day)
    {
        await PendingRequestAsync(day + 5); // turns approval on for the professional kitchen
        var start = $"2026-12-{day}T08:00";
        if (way == Way.Api)
        {
            var partner = await app.SignedInAsync(TestSite.PartnerAUser);
            Assert.Equal(HttpStatusCode.Created, (await partner.BookBlockAsync(app.Site.ProKitchen, start, $"2026-12-{day}T12:00", app.Site.PartnerA)).StatusCode);
        }
        else
        {
            var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
            Assert.Equal(HttpStatusCode.Redirect, (await partner.SubmitAsync("/Partner/Request", new Dictionary<string, string>
            {
                ["Day"] = $"2026-12-{day}",
                ["Preset"] = "custom",
                ["From"] = "08:00",
                ["To"] = "12:00",
            })).StatusCode);
        }

        var made = await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == app.Site.ProKitchen && b.PartnerId == app.Site.PartnerA)
            .OrderByDescending(b => b.Id).FirstAsync());
        Assert.Equal(BookingStatus.Pending, made.Status);

        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var own = await coordinator.BookBlockAsync(app.Site.ProKitchen, $"2026-12-{day}T13:00", $"2026-12-{day}T17:00", app.Site.PartnerA);
        Assert.Equal("confirmed", (await own.JsonAsync()).GetProperty("status").GetString());
    }
}
