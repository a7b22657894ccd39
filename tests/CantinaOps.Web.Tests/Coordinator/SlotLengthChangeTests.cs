using System.Net;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>Its own site: the washers' slot length changes from 60 to 90 minutes for the whole class.</summary>
public class SlotLengthChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Minutes(int washer) => new()
    {
        ["minutes[Washer]"] = $"{washer}",
        ["minutes[Dryer]"] = "60",
    };

    [Fact]
    public async Task A_new_slot_length_lists_the_bookings_off_the_new_grid_before_saving_and_they_keep_their_code_everywhere()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Washer1, "2026-11-30T10:00", app.Site.Households[41])).StatusCode);
        var later = (await (await desk.BookAsync(app.Site.Washer1, "2026-12-10T10:00", app.Site.Households[42])).JsonAsync()).GetProperty("id").GetInt32();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var preview = await coordinator.SubmitAsync("/Coordinator/Rules", Minutes(90), "/Coordinator/Rules?handler=Slots");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("TAA-41", html, StringComparison.Ordinal);
        Assert.Contains("TAA-42", html, StringComparison.Ordinal);
        Assert.Contains("name=\"minutes[Washer]\" value=\"90\"", html, StringComparison.Ordinal);
        Assert.Equal(Duration.FromMinutes(60), await WasherSlotAsync());

        var confirm = Minutes(90);
        confirm["confirm"] = "true";
        var saved = await coordinator.SubmitAsync("/Coordinator/Rules", confirm, "/Coordinator/Rules?handler=Slots");
        Assert.Equal("/Coordinator/Affected", saved.Headers.Location?.OriginalString);
        Assert.Equal(Duration.FromMinutes(90), await WasherSlotAsync());
        var affected = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));
        Assert.Contains("Enregistré. 2 réservation(s)", affected, StringComparison.Ordinal);
        Assert.Contains("TAA-42", affected, StringComparison.Ordinal);

        // Until moved, a booking of the old grid shows with its code and its own times, on the week page and on the board.
        var laundry = await app.WithDbAsync(db => db.Spaces.Where(s => s.Kind == SpaceKind.Laundry).Select(s => s.Id).SingleAsync());
        var deskBrowser = await app.SignedInBrowserAsync(TestSite.Desk);
        var week = WebUtility.HtmlDecode(await deskBrowser.GetStringAsync($"/Desk/Week?space={laundry}&week=2026-12-07"));
        Assert.Contains("TAA-42 (10:00–11:00)", week, StringComparison.Ordinal);
        var board = WebUtility.HtmlDecode(await deskBrowser.GetStringAsync("/Desk"));
        Assert.Contains("<td class=\"taken\">TAA-41 (10:00–11:00)</td>", board, StringComparison.Ordinal);

        // Moved, it sits on the new grid and leaves the list.
        await coordinator.SubmitAsync("/Coordinator/Affected", new Dictionary<string, string> { ["bookingId"] = $"{later}" }, "/Coordinator/Affected?handler=Move");
        var after = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Affected"));
        Assert.Contains("✔ Réservation déplacée au", after, StringComparison.Ordinal);
        Assert.Contains("la famille sera prévenue", after, StringComparison.Ordinal);
        Assert.DoesNotContain("TAA-42", after, StringComparison.Ordinal);
        var moved = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == later));
        Assert.Equal(Duration.FromMinutes(90), moved.End - moved.Start);
    }

    private Task<Duration> WasherSlotAsync() =>
        app.WithDbAsync(db => db.Set<SlotLength>().Where(s => s.Kind == ResourceKind.Washer).Select(s => s.Length).SingleAsync());
}
