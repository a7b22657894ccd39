using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

public class OutOfOrderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_broken_washer_s_bookings_move_to_the_other_washer_or_the_nearest_hour_without_double_booking()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var sameHour = (await (await api.BookAsync(app.Site.Washer1, "2026-12-02T09:00", app.Site.Households[130])).JsonAsync()).GetProperty("id").GetInt32();
        var busyHour = (await (await api.BookAsync(app.Site.Washer1, "2026-12-02T10:00", app.Site.Households[131])).JsonAsync()).GetProperty("id").GetInt32();
        await api.BookAsync(app.Site.Washer2, "2026-12-02T10:00", app.Site.Households[132]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var marked = await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>
        {
            ["Resource"] = $"{app.Site.Washer1}",
            ["From"] = "2026-12-02T08:00",
            ["Until"] = "2026-12-02T12:00",
            ["Reason"] = "Fuite",
        }, "/Desk/OutOfOrder?handler=Mark");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var page = await desk.GetStringAsync("/Desk/OutOfOrder");
        Assert.Contains("TBB-30", page, StringComparison.Ordinal);
        Assert.Contains("TBB-31", page, StringComparison.Ordinal);

        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string> { ["bookingId"] = $"{sameHour}" }, "/Desk/OutOfOrder?handler=Move");
        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string> { ["bookingId"] = $"{busyHour}" }, "/Desk/OutOfOrder?handler=Move");

        var moved = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == sameHour || b.Id == busyHour).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(app.Site.Washer2, moved[0].ResourceId);
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 8, 0), moved[0].Start); // Washer 2 was free at 09:00
        Assert.Equal(app.Site.Washer2, moved[1].ResourceId);
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 10, 0), moved[1].Start); // 10:00 taken everywhere: 11:00 on Washer 2
        var held = await app.WithDbAsync(db => db.Bookings.Where(b => b.HeldFrom != null)
            .GroupBy(b => new { b.ResourceId, b.HeldFrom }).Select(g => g.Count()).ToListAsync());
        Assert.All(held, count => Assert.Equal(1, count));
        var notices = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.BookingMoved).Select(n => n.BookingId).ToListAsync());
        Assert.Contains(sameHour, notices);
        Assert.Contains(busyHour, notices);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "resource.out-of-service" && a.Detail == "Fuite")));
    }

    [Fact]
    public async Task A_booking_held_by_a_broken_machine_can_be_cancelled_and_the_family_is_flagged()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var id = (await (await api.BookAsync(app.Site.Dryer, "2026-12-04T14:00", app.Site.Households[133])).JsonAsync()).GetProperty("id").GetInt32();
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>
        {
            ["Resource"] = $"{app.Site.Dryer}",
            ["From"] = "2026-12-04T13:00",
            ["Reason"] = "Tambour",
        }, "/Desk/OutOfOrder?handler=Mark");

        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string> { ["bookingId"] = $"{id}" }, "/Desk/OutOfOrder?handler=Cancel");

        Assert.Equal(BookingStatus.Cancelled, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == id && n.Kind == NoticeKind.BookingCancelledBySite)));
        // Until further notice: the dryer refuses new bookings from then on.
        var refused = await api.BookAsync(app.Site.Dryer, "2026-12-05T09:00", app.Site.Households[134]);
        Assert.Equal("resource-out-of-service", (await refused.JsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_nothing_is_recorded()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>
        {
            ["Resource"] = $"{app.Site.Washer2}",
            ["From"] = "2026-12-06T12:00",
            ["Until"] = "2026-12-06T10:00",
        }, "/Desk/OutOfOrder?handler=Mark");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("la fin doit suivre le début", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer2).SelectMany(r => r.Outages).CountAsync()));
    }
}
