using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>A change of the rules, what it says it affects, and how each affected booking is handled (households and partners).</summary>
public class RuleChangePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Adding_public_holidays_counts_only_the_bookings_the_change_leaves_out()
    {
        // A wash left on Christmas Day (closed in the test site) by an earlier change: not this change's doing.
        var christmas = await app.WithDbAsync(async db =>
        {
            var start = Instant.FromUtc(2026, 12, 25, 9, 0);
            var booking = Booking.ForHousehold(app.Site.Washer1, new Interval(start, start + Duration.FromHours(1)), 1, app.Site.Households[10],
                BookedBy.Desk, null, AppFactory.Now);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var response = await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>(), "/Coordinator/Closures?handler=Holidays");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // no preview: nothing that fitted stops fitting
        Assert.Equal("/Coordinator/Closures", response.Headers.Location?.OriginalString);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Closures"));
        Assert.Contains("✔ Enregistré.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ne respectent plus", page, StringComparison.Ordinal);
        Assert.Contains(new LocalDate(2027, 1, 1), await app.WithDbAsync(db => db.Closures.Select(c => c.FirstDay).ToListAsync()));
        // The booking already outside the rules still waits on the list of bookings to handle.
        Assert.Contains("TAA-10", await coordinator.GetStringAsync("/Coordinator/Affected"), StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == christmas).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Moving_a_partner_block_off_a_closed_day_succeeds_and_names_the_partner()
    {
        var block = await BlockAsync("2026-12-16T08:00", "2026-12-16T12:00");
        var coordinator = await ClosePro("2026-12-16", null);

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{block}" }, "/Coordinator/Affected?handler=Move");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));

        Assert.Contains("✔ Créneau déplacé au", page, StringComparison.Ordinal);
        Assert.Contains("Restos Test sera prévenu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"error\"", page, StringComparison.Ordinal);
        var moved = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == block));
        Assert.Equal(Instant.FromUtc(2026, 12, 17, 7, 0), moved.Start); // the next day at the same time (08:00 Paris), same length
        Assert.Equal(Duration.FromHours(4), moved.End - moved.Start);
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == block && n.Kind == NoticeKind.BookingMoved && n.PartnerId == app.Site.PartnerA)));
    }

    [Fact]
    public async Task A_partner_block_that_cannot_move_is_refused_as_a_refusal_and_stays()
    {
        var block = await BlockAsync("2027-02-02T08:00", "2027-02-02T12:00");
        var coordinator = await ClosePro("2027-02-01", "2027-02-12");

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{block}" }, "/Coordinator/Affected?handler=Move");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));

        Assert.Contains("class=\"error\" role=\"alert\">✖ Rien n'a été déplacé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("✔", page, StringComparison.Ordinal);
        Assert.DoesNotContain("vient d'être pris", page, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2027, 2, 2, 7, 0), await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == block).Select(b => b.Start).SingleAsync()));
    }

    [Fact]
    public async Task Cancelling_a_partner_block_says_the_partner_is_told_not_the_family()
    {
        var block = await BlockAsync("2027-03-03T08:00", "2027-03-03T12:00");
        var coordinator = await ClosePro("2027-03-03", null);

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{block}" }, "/Coordinator/Affected?handler=Cancel");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));

        Assert.Contains("✔ Créneau annulé ; Restos Test sera prévenu.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("famille", page, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == block).Select(b => b.Status).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == block && n.Kind == NoticeKind.BookingCancelledBySite && n.PartnerId == app.Site.PartnerA)));
    }

    [Fact]
    public async Task A_household_booking_that_cannot_move_is_refused_as_a_refusal_and_stays()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var wash = (await (await desk.BookAsync(app.Site.Washer2, "2026-12-12T10:00", app.Site.Households[12])).JsonAsync()).GetProperty("id").GetInt32();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var laundry = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.Laundry).Select(s => s.Id).SingleAsync());
        await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = "2026-12-12", ["Last"] = "2026-12-20", ["Reason"] = "Travaux", ["SpaceId"] = $"{laundry}", ["Confirm"] = "true",
        }, "/Coordinator/Closures?handler=Add");

        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{wash}" }, "/Coordinator/Affected?handler=Move");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));

        Assert.Contains("✖ Rien n'a été déplacé", page, StringComparison.Ordinal);
        Assert.DoesNotContain("✔", page, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == wash).Select(b => b.Status).SingleAsync()));
        Assert.Contains("TAA-12", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_left_outside_shorter_hours_still_shows_with_its_code_on_the_week_page()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Washer1, "2026-12-11T17:00", app.Site.Households[13])).StatusCode);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var laundry = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.Laundry).Select(s => s.Id).SingleAsync());
        try
        {
            var saved = await coordinator.SubmitAsync("/Coordinator/Spaces", LaundryForm(laundry, fridayCloses: "17:00"), "/Coordinator/Spaces?handler=Space");
            Assert.Equal("/Coordinator/Affected", saved.Headers.Location?.OriginalString);

            var week = WebUtility.HtmlDecode(await (await app.SignedInBrowserAsync(TestSite.Desk)).GetStringAsync($"/Desk/Week?space={laundry}&week=2026-12-07"));

            Assert.Contains("Réservations hors des horaires actuels", week, StringComparison.Ordinal);
            Assert.Contains("<li>TAA-13 · Washer 1 · vendredi 11 décembre 17:00–18:00</li>", week, StringComparison.Ordinal);
        }
        finally
        {
            await coordinator.SubmitAsync("/Coordinator/Spaces", LaundryForm(laundry, fridayCloses: "18:00"), "/Coordinator/Spaces?handler=Space");
        }
    }

    /// <summary>The test site's laundry hours, with Friday afternoon closing at <paramref name="fridayCloses"/>.</summary>
    private static Dictionary<string, string> LaundryForm(int laundry, string fridayCloses)
    {
        var form = new Dictionary<string, string>
        {
            ["spaceId"] = $"{laundry}", ["name"] = "Laundry", ["noticeMinutes"] = "30", ["horizonDays"] = "14", ["Confirm"] = "true",
            ["hours[Sunday]"] = "00:00-06:00",
        };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" })
        {
            form[$"hours[{day}]"] = $"00:00-06:00, 09:00-12:00, 14:00-{(day == "Friday" ? fridayCloses : "18:00")}";
        }

        return form;
    }

    private async Task<int> BlockAsync(string start, string end)
    {
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var response = await partner.BookBlockAsync(app.Site.ProKitchen, start, end, app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Closes the professional kitchen over some days and confirms, as the coordinator.</summary>
    private async Task<HttpClient> ClosePro(string first, string? last)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var pro = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.ProfessionalKitchen).Select(s => s.Id).SingleAsync());
        var saved = await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = first, ["Last"] = last ?? first, ["Reason"] = "Désinfection", ["SpaceId"] = $"{pro}", ["Confirm"] = "true",
        }, "/Coordinator/Closures?handler=Add");
        Assert.Equal("/Coordinator/Affected", saved.Headers.Location?.OriginalString);
        await coordinator.GetStringAsync("/Coordinator/Affected"); // reads the "saved" message
        return coordinator;
    }
}
