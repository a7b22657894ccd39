using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// What gives a slot away or locks a family out asks once more, in plain words, without script: a post
/// without the answer only shows the question, and changes nothing.
/// </summary>
public class ConfirmationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<BookingStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync());

    private async Task<int> BookAsync(string start, int household) =>
        (await (await (await app.SignedInAsync(TestSite.Desk)).BookAsync(app.Site.Washer1, start, app.Site.Households[household])).JsonAsync())
        .GetProperty("id").GetInt32();

    [Theory]
    [InlineData("NoShow", "Marquer TAA-30 absent (09:00, Washer 1) ?", "Oui, absent")]
    [InlineData("Cancel", "Annuler la réservation de TAA-30 (09:00, Washer 1) ?", "Oui, annuler la réservation")]
    public async Task Absent_and_cancel_on_the_board_ask_first_and_change_nothing_until_answered(string action, string question, string yes)
    {
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.HouseholdId == app.Site.Households[30]).Select(b => (int?)b.Id).SingleOrDefaultAsync())
            ?? await BookAsync("2026-11-30T09:00", 30);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 10)); // 09:10: started, so "absent" is offered
        try
        {
            var asked = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{id}", ["action"] = action });
            var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains(question, html, StringComparison.Ordinal);
            Assert.Contains(yes, html, StringComparison.Ordinal);
            Assert.Contains("<dialog open class=\"confirm\"", html, StringComparison.Ordinal);
            Assert.Equal(BookingStatus.Confirmed, await StatusAsync(id));
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Absent_sits_apart_from_arrived_at_the_far_end_of_the_row()
    {
        var id = await BookAsync("2026-11-30T10:00", 31);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 9, 10));
        try
        {
            var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            var row = System.Text.RegularExpressions.Regex.Match(board, $"id=\"booking-{id}\"(.*?)</li>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

            var arrived = row.IndexOf("value=\"CheckIn\"", StringComparison.Ordinal);
            var risky = row.IndexOf("class=\"actions risky\"", StringComparison.Ordinal);
            var absent = row.IndexOf("value=\"NoShow\"", StringComparison.Ordinal);
            Assert.True(arrived > 0 && risky > arrived && absent > risky, row);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task Deactivating_a_household_asks_first_and_says_what_follows()
    {
        var household = app.Site.Households[32];
        await BookAsync("2026-12-02T09:00", 32);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var question = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Desk/Households/Status?id={household}"));
        var unanswered = await desk.SubmitAsync($"/Desk/Households/Status?id={household}", new Dictionary<string, string> { ["active"] = "false" });

        Assert.Contains("Désactiver TAA-32 ?", question, StringComparison.Ordinal);
        Assert.Contains("Réservations à venir, qui restent jusqu'à ce qu'on les annule : 1.", question, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unanswered.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.IsActive).SingleAsync()));

        var answered = await desk.SubmitAsync($"/Desk/Households/Status?id={household}", new Dictionary<string, string> { ["active"] = "false", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_family_cancelling_is_asked_once_more_in_its_language()
    {
        var id = await BookAsync("2026-12-03T09:00", 33);
        var family = await app.SignedInFamilyAsync(app.Site.Households[33]);

        var asked = await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string>(), $"/Family/Bookings?handler=Cancel&id={id}");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Annuler cette réservation ?", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(id));

        var answered = await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Family/Bookings?handler=Cancel&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(id));
    }
}
