using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Family;

/// <summary>
/// What the family and the desk are offered is what the booking will accept: a closed day says closed with the next
/// open day, a used-up quota offers next week's first free day (never a waitlist), the dry after a wash is the same
/// laundry cycle, the desk sees the quota refusal before confirming (a coordinator may make an exception, audited), and
/// a place found by the waitlist shows on the family's home.
/// </summary>
public class WaitlistAndQuotaTruthTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<int> LaundryAsync() =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

    private async Task<int> BookAsync(int resource, string start, int household)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var response = await api.BookAsync(resource, start, app.Site.Households[household]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_closed_day_says_closed_and_leads_to_the_next_open_day_without_a_waitlist()
    {
        await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.Include(s => s.Closures).SingleAsync();
            site.AddClosure(new LocalDate(2026, 12, 9), new LocalDate(2026, 12, 9), "Inventaire");
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var family = await app.SignedInFamilyAsync(app.Site.Households[0]);

        var html = await PageAsync(family, $"/Family/Book?space={await LaundryAsync()}&kind=Washer&day=2026-12-09");

        Assert.Contains("Fermé ce jour-là. (Inventaire)", html, StringComparison.Ordinal);
        Assert.Contains("Prochain jour ouvert : jeudi 10 décembre", html, StringComparison.Ordinal);
        Assert.Contains("day=2026-12-10", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ce jour est complet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Me prévenir si une place se libère", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_up_quota_offers_next_weeks_first_free_day_and_no_waitlist_but_still_the_dry_after_a_wash()
    {
        var index = 6; // one person: 2 laundry cycles a week
        var space = await LaundryAsync();
        await BookAsync(app.Site.Washer1, "2026-12-01T09:00", index);
        await BookAsync(app.Site.Washer2, "2026-12-02T09:00", index);
        var family = await app.SignedInFamilyAsync(app.Site.Households[index]);

        var washes = await PageAsync(family, $"/Family/Book?space={space}&kind=Washer&day=2026-12-03");

        Assert.Contains("Vous avez déjà vos 2 réservations de cette semaine.", washes, StringComparison.Ordinal);
        Assert.Contains("Semaine prochaine, premier jour libre : lundi 7 décembre", washes, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"time-button\"", washes, StringComparison.Ordinal);
        Assert.DoesNotContain("Me prévenir si une place se libère", washes, StringComparison.Ordinal);

        // The dry after the wash of 1 December is that wash's cycle: offered, and booked.
        var dries = await PageAsync(family, $"/Family/Book?space={space}&kind=Dryer&day=2026-12-01");
        Assert.Contains("value=\"2026-12-01T10:00\"", dries, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-12-01T09:00\"", dries, StringComparison.Ordinal); // before the wash ends: a cycle of its own
        var booked = await family.SubmitAsync($"/Family/Book?space={space}&kind=Dryer&day=2026-12-01", new Dictionary<string, string>
        {
            ["space"] = $"{space}", ["kind"] = "Dryer", ["day"] = "2026-12-01", ["start"] = "2026-12-01T10:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.StartsWith("/Family/Ticket", booked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == app.Site.Households[index] && b.Status == BookingStatus.Confirmed)));
    }

    [Fact]
    public async Task The_desk_sees_the_quota_refusal_before_confirming_and_a_coordinator_may_book_beyond_it_with_a_reason()
    {
        var index = 12; // one person: 2 a week
        var household = app.Site.Households[index];
        await BookAsync(app.Site.Washer1, "2026-12-01T10:00", index);
        await BookAsync(app.Site.Washer1, "2026-12-02T10:00", index);
        var confirm = $"/Desk/Book?householdId={household}&resource={app.Site.Washer2}&start=2026-12-03T10%3A00";
        var fields = new Dictionary<string, string>
        {
            ["householdId"] = $"{household}", ["resource"] = $"{app.Site.Washer2}", ["start"] = "2026-12-03T10:00",
            ["exceptionReason"] = "Leaves the hotel on Friday",
        };

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var asDesk = await PageAsync(desk, confirm);
        Assert.Contains("Quota de la semaine atteint (2 sur 2)", asDesk, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirmer la réservation", asDesk, StringComparison.Ordinal);
        Assert.DoesNotContain("exceptionReason", asDesk, StringComparison.Ordinal);
        var refused = await desk.SubmitAsync(confirm, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the desk cannot grant an exception: the form again, refused
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == household)));

        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        Assert.Contains("name=\"exceptionReason\"", await PageAsync(coordinator, confirm), StringComparison.Ordinal);
        var granted = await coordinator.SubmitAsync(confirm, fields);

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == household)));
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync());
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Action == "booking.quota-exception" && a.Subject == code).Select(a => a.Detail).ToListAsync());
        Assert.Contains(audit, d => d!.EndsWith("Leaves the hotel on Friday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_place_found_by_the_waitlist_shows_on_the_familys_home()
    {
        var household = app.Site.Households[18];
        var wish = await app.WithDbAsync(async db =>
        {
            var entry = new WaitlistEntry(household, await LaundryAsync(), new LocalDate(2026, 12, 4), AppFactory.Now);
            db.Waitlist.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var family = await app.SignedInFamilyAsync(household);
        Assert.DoesNotContain("Une place s'est libérée pour vous", await PageAsync(family, "/Family"), StringComparison.Ordinal);

        Assert.True(await app.WithServicesAsync(services => services.GetRequiredService<WaitlistService>().ServeAsync(wish, CancellationToken.None)));

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.HouseholdId == household));
        var home = await PageAsync(family, "/Family");
        Assert.Contains("Une place s'est libérée pour vous :", home, StringComparison.Ordinal);
        Assert.Contains($"/Family/Ticket?id={booking.Id}", home, StringComparison.Ordinal);
    }
}
