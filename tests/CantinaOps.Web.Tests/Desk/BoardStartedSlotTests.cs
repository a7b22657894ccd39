using System.Net;
using System.Text.RegularExpressions;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// A free machine stays bookable by the desk for a walk-in once its slot has started, until the slot's end
/// minus the walk-in margin (30 minutes by default); after that it shows as free but too late, never as booked.
/// The professional kitchen's free times are not links to a booking the desk cannot make.
/// </summary>
public partial class BoardStartedSlotTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Row(string board, string time) =>
        Regex.Match(board, $"<th scope=\"row\">{time}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task A_started_slot_stays_bookable_for_a_walk_in_until_its_end_minus_the_margin()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var id = (await (await api.BookAsync(app.Site.Washer1, "2026-11-30T09:00", app.Site.Households[160])).JsonAsync()).GetProperty("id").GetInt32();
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 5)); // 09:05 in Paris
        try
        {
            var absent = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{id}", ["action"] = "NoShow", ["confirm"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, absent.StatusCode);

            var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            var nine = Row(board, "09:00");
            Assert.DoesNotContain("Réservé", nine, StringComparison.Ordinal);
            // Washer 1 (released by the absence), Washer 2 and Dryer 1: 55 minutes left, a walk-in may have them.
            Assert.Equal(3, Regex.Count(nine, "/Desk/Book\\?resource="));
            Assert.Contains($"/Desk/Book?resource={app.Site.Washer1}&start=2026-11-30T09%3A00", nine, StringComparison.Ordinal);

            app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 31)); // 09:31: less than 30 minutes left
            var later = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            Assert.DoesNotContain("/Desk/Book?", Row(later, "09:00"), StringComparison.Ordinal);
            Assert.Equal(3, Regex.Count(Row(later, "09:00"), "Libre · trop tard pour réserver"));
            Assert.Contains($"/Desk/Book?resource={app.Site.Washer1}&start=2026-11-30T10%3A00", Row(later, "10:00"), StringComparison.Ordinal);

            var refused = await api.BookAsync(app.Site.Washer2, "2026-11-30T09:00", app.Site.Households[161]);
            Assert.Equal("too-late", (await refused.JsonAsync()).GetProperty("rule").GetString());
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Inside_the_notice_the_desk_still_books_a_walk_in()
    {
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 45)); // 09:45, 15 minutes before 10:00: inside the 30 minutes' notice
        try
        {
            var desk = await app.SignedInAsync(TestSite.Desk);
            Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Washer2, "2026-11-30T10:00", app.Site.Households[163])).StatusCode);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Professional_kitchen_cells_are_not_links_and_a_link_skips_to_the_free_slots()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));

        Assert.DoesNotContain($"/Desk/Book?resource={app.Site.ProKitchen}", board, StringComparison.Ordinal);
        Assert.Contains("Libre · sur demande d'un partenaire", board, StringComparison.Ordinal);
        var skip = Regex.Match(board, "href=\"#(space-\\d+)\"[^>]*>↓ Aller aux créneaux libres");
        Assert.True(skip.Success, "the skip link is on the board");
        Assert.Contains($"id=\"{skip.Groups[1].Value}\"", board, StringComparison.Ordinal);
    }
}
