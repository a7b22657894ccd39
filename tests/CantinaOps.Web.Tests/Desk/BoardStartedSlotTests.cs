using System.Net;
using System.Text.RegularExpressions;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// Once a slot has started (or is within the laundry's 30 minutes' notice) its free machines show as free
/// but too late to book, never as booked; what the booking rules accept still shows a walk-in link.
/// </summary>
public partial class BoardStartedSlotTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Row(string board, string time) =>
        Regex.Match(board, $"<th scope=\"row\">{time}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task At_09_05_the_free_machines_of_the_09_00_row_and_a_washer_released_by_absent_are_free_not_booked()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var id = (await (await api.BookAsync(app.Site.Washer1, "2026-11-30T09:00", app.Site.Households[160])).JsonAsync()).GetProperty("id").GetInt32();
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 5)); // 09:05 in Paris
        try
        {
            var absent = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{id}", ["action"] = "NoShow" });
            Assert.Equal(HttpStatusCode.Redirect, absent.StatusCode);

            var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            var nine = Row(board, "09:00");
            Assert.DoesNotContain("Réservé", nine, StringComparison.Ordinal);
            Assert.Equal(3, Regex.Count(nine, "Libre · trop tard pour réserver")); // Dryer 1, Washer 1 (released), Washer 2
            Assert.DoesNotContain("/Desk/Book?", nine, StringComparison.Ordinal);
            Assert.Contains($"/Desk/Book?resource={app.Site.Washer1}&start=2026-11-30T10%3A00", Row(board, "10:00"), StringComparison.Ordinal);

            app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 40)); // 09:40: 10:00 is within the 30 minutes' notice
            var later = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            Assert.DoesNotContain("/Desk/Book?", Row(later, "10:00"), StringComparison.Ordinal);
            Assert.Equal(3, Regex.Count(Row(later, "10:00"), "Libre · trop tard pour réserver"));
            Assert.Contains($"/Desk/Book?resource={app.Site.Washer1}&start=2026-11-30T11%3A00", Row(later, "11:00"), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }
}
