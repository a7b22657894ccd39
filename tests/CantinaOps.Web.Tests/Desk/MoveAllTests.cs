using System.Net;
using System.Text.RegularExpressions;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>The bookings of a broken machine are each offered their own slot, and moved there one by one or all at once.</summary>
public partial class MoveAllTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Each_waiting_booking_is_offered_its_own_slot_and_move_all_puts_each_there_or_names_those_left()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        async Task<int> Book(int resource, string start, int household) =>
            (await (await api.BookAsync(resource, start, app.Site.Households[household])).JsonAsync()).GetProperty("id").GetInt32();
        // Washer 1 is broken all Wednesday; Washer 2 is free at 11:00, the nearest slot for all three.
        var nine = await Book(app.Site.Washer1, "2026-12-02T09:00", 140);
        var ten = await Book(app.Site.Washer1, "2026-12-02T10:00", 141);
        var eleven = await Book(app.Site.Washer1, "2026-12-02T11:00", 142);
        await Book(app.Site.Washer2, "2026-12-02T09:00", 143);
        await Book(app.Site.Washer2, "2026-12-02T10:00", 144);
        var dry = await Book(app.Site.Dryer, "2026-12-02T14:00", 145); // the only dryer: nowhere to go
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        foreach (var (resource, reason) in new[] { (app.Site.Washer1, "Fuite"), (app.Site.Dryer, "Tambour") })
        {
            await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>
            {
                ["Resource"] = $"{resource}",
                ["From"] = "2026-12-02T00:00",
                ["Until"] = resource == app.Site.Dryer ? "" : "2026-12-03T00:00",
                ["Reason"] = reason,
            }, "/Desk/OutOfOrder?handler=Mark");
        }

        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk/OutOfOrder"));
        var offered = Suggestion().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, offered.Count);
        Assert.Equal(3, offered.Distinct().Count());
        Assert.Contains("Aucun créneau équivalent libre", page, StringComparison.Ordinal);

        // Moved alone, the 11:00 booking goes where the list said (after the two before it), not to the free 11:00.
        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string> { ["bookingId"] = $"{eleven}" }, "/Desk/OutOfOrder?handler=Move");
        var all = await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>(), "/Desk/OutOfOrder?handler=MoveAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);

        var moved = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == nine || b.Id == ten || b.Id == eleven)
            .OrderBy(b => b.Id).Select(b => new { b.ResourceId, b.Start, b.Status }).ToListAsync());
        Assert.All(moved, b => Assert.Equal((app.Site.Washer2, BookingStatus.Confirmed), (b.ResourceId, b.Status)));
        Assert.Equal([Instant.FromUtc(2026, 12, 2, 10, 0), Instant.FromUtc(2026, 12, 2, 13, 0), Instant.FromUtc(2026, 12, 2, 14, 0)],
            moved.Select(b => b.Start)); // 11:00, 14:00, 15:00 in Paris
        Assert.Equal(offered, moved.Select(b => $"Washer 2 mer. 02/12 {b.Start.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]):HH:mm}"));
        var held = await app.WithDbAsync(db => db.Bookings.Where(b => b.HeldFrom != null)
            .GroupBy(b => new { b.ResourceId, b.HeldFrom }).Select(g => g.Count()).ToListAsync());
        Assert.All(held, count => Assert.Equal(1, count));
        foreach (var id in new[] { nine, ten, eleven })
        {
            Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == id && n.Kind == NoticeKind.BookingMoved)));
            Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "booking.move" && a.Subject == $"booking {id}")));
        }

        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == dry).Select(b => b.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == dry)));
        var after = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk/OutOfOrder"));
        Assert.Contains("2 réservation(s) déplacée(s). Aucun créneau libre pour : TBB-45", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_a_new_closure_leaves_outside_the_rules_is_moved_by_the_same_move_to_the_nearest_open_slot()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var wash = (await (await api.BookAsync(app.Site.Washer1, "2026-12-11T09:00", app.Site.Households[146])).JsonAsync()).GetProperty("id").GetInt32();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = "2026-12-11", ["Reason"] = "Dégât des eaux", ["Confirm"] = "true",
        }, "/Coordinator/Closures?handler=Add");

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{wash}" }, "/Coordinator/Affected?handler=Move");

        var moved = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == wash));
        Assert.Equal(BookingStatus.Confirmed, moved.Status);
        Assert.Contains(moved.ResourceId, new[] { app.Site.Washer1, app.Site.Washer2 });
        Assert.Equal(Instant.FromUtc(2026, 12, 11, 23, 0), moved.Start); // Saturday 00:00, the first slot after the closed day
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == wash && n.Kind == NoticeKind.BookingMoved)));
    }

    [GeneratedRegex("Proposé : ([^<]+)<")]
    private static partial Regex Suggestion();
}
