using System.Net;
using System.Text.RegularExpressions;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>A booking held on a machine out of order shows as waiting to be moved, on the board and on the family's pages.</summary>
public partial class StrandedBookingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string FamilyNote = "Machine en panne — l'accueil va vous proposer un autre créneau.";

    [Fact]
    public async Task The_board_and_the_family_see_a_booking_on_a_broken_washer_as_waiting_to_be_moved_and_the_others_as_normal()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var stranded = (await (await api.BookAsync(app.Site.Washer1, "2026-11-30T10:00", app.Site.Households[150])).JsonAsync()).GetProperty("id").GetInt32();
        var fine = (await (await api.BookAsync(app.Site.Washer2, "2026-11-30T11:00", app.Site.Households[150])).JsonAsync()).GetProperty("id").GetInt32();
        await api.BookAsync(app.Site.Washer2, "2026-11-30T10:00", app.Site.Households[151]);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        await desk.SubmitAsync("/Desk/OutOfOrder", new Dictionary<string, string>
        {
            ["Resource"] = $"{app.Site.Washer1}",
            ["Until"] = "2026-11-30T12:00",
            ["Reason"] = "Fuite",
        }, "/Desk/OutOfOrder?handler=Mark");

        var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
        var arrivals = Arrival().Matches(board).Select(m => m.Value).ToList();
        var flagged = Assert.Single(arrivals, a => a.Contains("Machine en panne", StringComparison.Ordinal));
        Assert.Contains("TBB-50", flagged, StringComparison.Ordinal);
        Assert.Contains("Washer 1", flagged, StringComparison.Ordinal);
        Assert.Contains("href=\"/Desk/OutOfOrder\"", flagged, StringComparison.Ordinal);

        var family = await app.SignedInFamilyAsync(app.Site.Households[150]);
        var bookings = WebUtility.HtmlDecode(await family.GetStringAsync("/Family/Bookings"));
        Assert.Equal(1, Regex.Count(bookings, Regex.Escape(FamilyNote)));
        var ticket = WebUtility.HtmlDecode(await family.GetStringAsync($"/Family/Ticket?id={stranded}"));
        Assert.Contains(FamilyNote, ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Dryer", ticket, StringComparison.Ordinal); // no dry after a wash that is about to move
        Assert.DoesNotContain(FamilyNote, WebUtility.HtmlDecode(await family.GetStringAsync($"/Family/Ticket?id={fine}")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"arrival[^\"]*\">.*?</li>", RegexOptions.Singleline)]
    private static partial Regex Arrival();
}
