using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

public class DeskActionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> BookAsync(int resource, string start, int householdIndex)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var response = await api.BookAsync(resource, start, app.Site.Households[householdIndex]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private Task<Booking> BookingAsync(int id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    [Fact]
    public async Task Check_in_then_complete_from_the_board_are_recorded_with_who_did_it()
    {
        var id = await BookAsync(app.Site.Washer1, "2026-11-30T09:00", 100);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var checkIn = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{id}", ["action"] = "CheckIn" });
        var complete = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{id}", ["action"] = "Complete" });

        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal(BookingStatus.Completed, (await BookingAsync(id)).Status);
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {id}").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["booking.checkin", "booking.complete"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("Desk", a.ActorName));
    }

    [Fact]
    public async Task A_no_show_frees_the_slot_and_a_cancel_from_the_board_too()
    {
        var late = await BookAsync(app.Site.Washer1, "2026-11-30T10:00", 101);
        var cancelled = await BookAsync(app.Site.Washer2, "2026-11-30T11:00", 102);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 9, 20)); // 10:20 in Paris
        try
        {
            await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{late}", ["action"] = "NoShow", ["confirm"] = "true" });
            await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{cancelled}", ["action"] = "Cancel", ["confirm"] = "true" });
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        Assert.Equal(BookingStatus.NoShow, (await BookingAsync(late)).Status);
        Assert.Null((await BookingAsync(late)).HeldFrom);
        Assert.Equal(BookingStatus.Cancelled, (await BookingAsync(cancelled)).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "booking.noshow" && a.Subject == $"booking {late}")));
    }

    [Fact]
    public async Task Booking_on_behalf_with_the_offered_dryer_makes_two_bookings()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var household = app.Site.Households[103];

        var response = await desk.SubmitAsync($"/Desk/Book?householdId={household}&resource={app.Site.Washer1}&start=2026-12-01T09:00",
            new Dictionary<string, string>
            {
                ["householdId"] = $"{household}",
                ["resource"] = $"{app.Site.Washer1}",
                ["start"] = "2026-12-01T09:00",
                ["dryer"] = $"{app.Site.Dryer}|2026-12-01T10:00",
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mine = await app.WithDbAsync(db => db.Bookings.Where(b => b.HouseholdId == household).OrderBy(b => b.Start).ToListAsync());
        Assert.Equal([app.Site.Washer1, app.Site.Dryer], mine.Select(b => b.ResourceId));
        Assert.All(mine, b => Assert.Equal(BookedBy.Desk, b.MadeBy));
    }

    [Fact]
    public async Task A_refused_booking_says_why_in_plain_words_and_keeps_the_choices()
    {
        await BookAsync(app.Site.Washer2, "2026-12-01T15:00", 104);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.SubmitAsync($"/Desk/Book?householdId={app.Site.Households[105]}&resource={app.Site.Washer2}&start=2026-12-01T15:00",
            new Dictionary<string, string>
            {
                ["householdId"] = $"{app.Site.Households[105]}",
                ["resource"] = $"{app.Site.Washer2}",
                ["start"] = "2026-12-01T15:00",
            });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce créneau vient d'être pris", html, StringComparison.Ordinal);
        Assert.Contains("TBB-05", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-01T15:00\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_finds_a_household_by_code_hotel_or_phone_tail()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var byCode = await desk.GetStringAsync("/Desk/Households?q=tbb-07");

        Assert.Contains("TBB-07", byCode, StringComparison.Ordinal);
        Assert.DoesNotContain("TBB-08", byCode, StringComparison.Ordinal);
    }
}
