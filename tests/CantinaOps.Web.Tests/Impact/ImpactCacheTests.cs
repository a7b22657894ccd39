using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using NodaTime;

namespace CantinaOps.Web.Tests.Impact;

/// <summary>
/// The figures of past days are kept counted between requests: each change through the app's real paths must
/// show on the next request (a stale figure here would be a wrong number in a funder's report).
/// </summary>
public class ImpactCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Past days only: they are the ones kept between requests (today and later are counted afresh).
    private const string Past = "/api/v1/impact?from=2026-11-01&to=2026-11-29";

    private static async Task<(int Sessions, int Meals)> FiguresAsync(HttpClient client)
    {
        var figures = (await (await client.GetAsync(Past)).JsonAsync()).GetProperty("figures");
        return (figures.GetProperty("partnerSessions").GetInt32(), figures.GetProperty("meals").GetInt32());
    }

    [Fact]
    public async Task A_session_added_its_meals_declared_then_corrected_and_the_session_cancelled_each_show_at_once()
    {
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        var before = await FiguresAsync(coordinator); // counts and keeps the days of November

        var session = await app.WithDbAsync(async db =>
        {
            var block = Booking.ForPartner(app.Site.ProKitchen, new Interval(AppFactory.Now - Duration.FromDays(3), AppFactory.Now - Duration.FromDays(3) + Duration.FromHours(4)),
                app.Site.PartnerA, BookedBy.Partner, null, AppFactory.Now - Duration.FromDays(30));
            db.Bookings.Add(block);
            await db.SaveChangesAsync();
            return block.Id;
        });
        Assert.Equal((before.Sessions + 1, before.Meals), await FiguresAsync(coordinator));

        Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsJsonAsync($"/api/v1/bookings/{session}/meals", new { meals = 120 })).StatusCode);
        Assert.Equal((before.Sessions + 1, before.Meals + 120), await FiguresAsync(coordinator));

        Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsJsonAsync($"/api/v1/bookings/{session}/meals", new { meals = 135 })).StatusCode);
        Assert.Equal((before.Sessions + 1, before.Meals + 135), await FiguresAsync(coordinator));

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/v1/bookings/{session}?reason=Never%20took%20place")).StatusCode);
        Assert.Equal(before, await FiguresAsync(coordinator));
    }
}
