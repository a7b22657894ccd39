using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Bookings;

/// <summary>
/// The same action through each way in — a page with its antiforgery token, the API with a bearer token,
/// the job — gives the same outcome, the same audit entry and the same notice.
/// </summary>
public class OnePathTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { Page, Api, Job }

    /// <summary>A booking stored as if made earlier, so that "now" can lie after its start.</summary>
    private Task<int> StoredAsync(Func<Booking> make) => app.WithDbAsync(async db =>
    {
        var booking = make();
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    });

    private Task<int> PastPartnerBlockAsync(int daysAgo) => StoredAsync(() => Booking.ForPartner(app.Site.ProKitchen,
        new Interval(AppFactory.Now - Duration.FromDays(daysAgo), AppFactory.Now - Duration.FromDays(daysAgo) + Duration.FromHours(4)),
        app.Site.PartnerA, BookedBy.Partner, null, AppFactory.Now - Duration.FromDays(30)));

    private Task<BookingStatus> StatusAsync(int booking) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking).Select(b => b.Status).SingleAsync());

    private Task<List<string>> AuditAsync(int booking) =>
        app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {booking}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Theory]
    [InlineData(Way.Page)]
    [InlineData(Way.Api)]
    public async Task A_partner_cancels_no_session_that_already_took_place(Way way)
    {
        var session = await PastPartnerBlockAsync(way == Way.Page ? 2 : 3);

        if (way == Way.Api)
        {
            var partner = await app.SignedInAsync(TestSite.PartnerAUser);
            var response = await partner.DeleteAsync($"/api/v1/bookings/{session}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("too-late", (await response.JsonAsync()).GetProperty("rule").GetString());
        }
        else
        {
            var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
            var response = await partner.SubmitAsync("/Partner", new Dictionary<string, string>(), $"/Partner?handler=Cancel&id={session}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(session));
        Assert.Empty(await AuditAsync(session));
    }

    [Fact]
    public async Task A_coordinator_corrects_a_past_session_only_with_a_reason_which_the_audit_keeps_and_the_partner_is_told()
    {
        var session = await PastPartnerBlockAsync(4);
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);

        var refused = await coordinator.DeleteAsync($"/api/v1/bookings/{session}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("reason-required", (await refused.JsonAsync()).GetProperty("rule").GetString());
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(session));

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/bookings/{session}?reason=Never%20took%20place")).StatusCode);

        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(session));
        var entry = await app.WithDbAsync(db => db.Audit.SingleAsync(a => a.Subject == $"booking {session}"));
        Assert.Equal("booking.cancel", entry.Action);
        Assert.Contains("Never took place", entry.Detail, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Notices.AnyAsync(n => n.BookingId == session && n.PartnerId == app.Site.PartnerA
            && n.Kind == NoticeKind.BookingCancelledBySite)));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task A_partner_cancelling_an_upcoming_block_leaves_the_same_trace_by_page_and_API(Way way, int index)
    {
        var partnerApi = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partnerApi.BookBlockAsync(app.Site.ProKitchen, $"2026-12-1{index}T08:00", $"2026-12-1{index}T12:00", app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var block = (await created.JsonAsync()).GetProperty("id").GetInt32();

        if (way == Way.Api)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await partnerApi.DeleteAsync($"/api/v1/bookings/{block}")).StatusCode);
        }
        else
        {
            var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
            await partner.SubmitAsync("/Partner", new Dictionary<string, string>(), $"/Partner?handler=Cancel&id={block}");
        }

        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(block));
        Assert.Equal(["booking.cancel"], await AuditAsync(block));
        Assert.False(await app.WithDbAsync(db => db.Notices.AnyAsync(n => n.BookingId == block))); // it cancelled itself
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task Cancelling_a_family_s_booking_is_in_the_audit_trail_whoever_does_it(Way way, int index)
    {
        var household = app.Site.Households[60 + index];
        var desk = await app.SignedInAsync(TestSite.Desk);
        var booked = await desk.BookAsync(app.Site.Washer1, $"2026-12-0{3 + index}T09:00", household);
        var booking = (await booked.JsonAsync()).GetProperty("id").GetInt32();

        if (way == Way.Page)
        {
            var family = await app.SignedInFamilyAsync(household);
            await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Family/Bookings?handler=Cancel&id={booking}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.NoContent, (await desk.DeleteAsync($"/api/v1/bookings/{booking}")).StatusCode);
        }

        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(booking));
        Assert.Equal(["booking.cancel"], await AuditAsync(booking));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task Registering_a_household_gives_it_a_working_PIN_and_an_audit_entry_by_page_and_API(Way way, int index)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var phone = $"+3361100090{index}";
        string? pin = null;
        if (way == Way.Api)
        {
            var api = await app.SignedInAsync(TestSite.Desk);
            var response = await api.PostAsJsonAsync("/api/v1/households", new { size = 3, language = "uk", phone });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            pin = (await response.JsonAsync()).GetProperty("pin").GetString();
        }
        else
        {
            var created = await desk.SubmitAsync("/Desk/Households/New", new Dictionary<string, string>
            {
                ["Input.Size"] = "3",
                ["Input.Language"] = "uk",
                ["Input.Phone"] = phone,
            });
            var slip = await desk.GetStringAsync(created.Headers.Location!.ToString());
            pin = System.Text.RegularExpressions.Regex.Match(slip, "class=\"slip-code\">([0-9]{6})<").Groups[1].Value;
        }

        var household = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Phone == phone));
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "household.register" && a.Subject == household.Code)));
        var family = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await family.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = household.Code, ["Pin"] = pin! });
        Assert.Equal("/Family", signIn.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    [InlineData(Way.Job, 2)]
    public async Task A_second_absence_pauses_self_booking_and_warns_the_family_whoever_marks_it(Way way, int index)
    {
        var household = app.Site.Households[70 + index];
        var start = AppFactory.Now - Duration.FromHours(1) + Duration.FromMinutes(index);
        var earlier = await StoredAsync(() => Booking.ForHousehold(app.Site.Washer2, new Interval(start - Duration.FromDays(3), start - Duration.FromDays(3) + Duration.FromHours(1)),
            1, household, BookedBy.Desk, null, start - Duration.FromDays(4)));
        await app.WithDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == earlier)).MarkNoShow(start - Duration.FromDays(3) + Duration.FromMinutes(30));
            await db.SaveChangesAsync();
        });
        var today = await StoredAsync(() => Booking.ForHousehold(app.Site.Washer1, new Interval(start, start + Duration.FromHours(1)),
            1, household, BookedBy.Desk, null, start - Duration.FromDays(1)));

        switch (way)
        {
            case Way.Page:
                var board = await app.SignedInBrowserAsync(TestSite.Desk);
                Assert.Equal(HttpStatusCode.Redirect, (await board.SubmitAsync("/Desk", new Dictionary<string, string>
                {
                    ["bookingId"] = $"{today}",
                    ["action"] = "NoShow",
                    ["confirm"] = "true",
                })).StatusCode);
                break;
            case Way.Api:
                var api = await app.SignedInAsync(TestSite.Desk);
                Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/bookings/{today}/no-show", null)).StatusCode);
                break;
            default:
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    Assert.True(await scope.ServiceProvider.GetRequiredService<NoShowJob>().RunAsync(CancellationToken.None) >= 1);
                }

                break;
        }

        Assert.Equal(BookingStatus.NoShow, await StatusAsync(today));
        var paused = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.SelfBookingPausedUntil).SingleAsync());
        Assert.Equal(AppFactory.Now + Duration.FromDays(7), paused);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.HouseholdId == household && n.Kind == NoticeKind.NoShowWarning)));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task Check_in_and_completion_are_the_same_on_the_board_and_in_the_API(Way way, int index)
    {
        var household = app.Site.Households[80 + index];
        var start = AppFactory.Now - Duration.FromMinutes(10 + index);
        // One machine per case: the two cases' hours overlap.
        var booking = await StoredAsync(() => Booking.ForHousehold(index == 0 ? app.Site.Dryer : app.Site.Washer2, new Interval(start, start + Duration.FromHours(1)),
            1, household, BookedBy.Desk, null, start - Duration.FromDays(1)));

        foreach (var (action, path) in new[] { ("CheckIn", "check-in"), ("Complete", "complete") })
        {
            if (way == Way.Page)
            {
                var board = await app.SignedInBrowserAsync(TestSite.Desk);
                await board.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{booking}", ["action"] = action });
            }
            else
            {
                var api = await app.SignedInAsync(TestSite.Desk);
                var response = await api.PostAsync($"/api/v1/bookings/{booking}/{path}", null);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        Assert.Equal(BookingStatus.Completed, await StatusAsync(booking));
        Assert.Equal(["booking.checkin", "booking.complete"], await AuditAsync(booking));
    }

    [Fact]
    public async Task Only_staff_check_people_in_through_the_API_and_an_unknown_booking_is_not_found()
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var desk = await app.SignedInAsync(TestSite.Desk);

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync("/api/v1/bookings/1/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("/api/v1/bookings/999999/check-in", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("/api/v1/bookings/-1/no-show", null)).StatusCode);
    }

    [Theory]
    [InlineData(Way.Page, 5)]
    [InlineData(Way.Api, 6)]
    public async Task Meals_are_one_report_per_session_corrected_in_place_by_page_and_API_alike(Way way, int daysAgo)
    {
        var session = await PastPartnerBlockAsync(daysAgo);

        foreach (var meals in new[] { 120, 135 })
        {
            if (way == Way.Api)
            {
                var partner = await app.SignedInAsync(TestSite.PartnerAUser);
                Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsJsonAsync($"/api/v1/bookings/{session}/meals", new { meals })).StatusCode);
            }
            else
            {
                var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
                Assert.Equal(HttpStatusCode.Redirect, (await partner.SubmitAsync($"/Partner/Meals?id={session}",
                    new Dictionary<string, string> { ["Id"] = $"{session}", ["Meals"] = $"{meals}" })).StatusCode);
            }
        }

        var report = await app.WithDbAsync(db => db.SessionReports.SingleAsync(r => r.BookingId == session));
        Assert.Equal(135, report.Meals);
        Assert.Equal(["session.report", "session.report"], await AuditAsync(session));
    }

    [Theory]
    [InlineData(Way.Page, 14)]
    [InlineData(Way.Api, 15)]
    public async Task Meals_of_a_session_still_to_come_are_refused_by_page_and_API_alike(Way way, int day)
    {
        var partnerApi = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partnerApi.BookBlockAsync(app.Site.ProKitchen, $"2026-12-{day}T08:00", $"2026-12-{day}T12:00", app.Site.PartnerA);
        var session = (await created.JsonAsync()).GetProperty("id").GetInt32();

        if (way == Way.Api)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity,
                (await partnerApi.PostAsJsonAsync($"/api/v1/bookings/{session}/meals", new { meals = 50 })).StatusCode);
        }
        else
        {
            var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
            Assert.Equal(HttpStatusCode.OK, (await partner.SubmitAsync($"/Partner/Meals?id={session}",
                new Dictionary<string, string> { ["Id"] = $"{session}", ["Meals"] = "50" })).StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.SessionReports.AnyAsync(r => r.BookingId == session)));
    }
}
