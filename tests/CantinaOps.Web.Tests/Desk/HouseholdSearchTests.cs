using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// The desk finds people as they are written and read out: any case and accents in any script, any run of a
/// phone's digits; results are counted and paged; before a search, the households seen lately; a phone that
/// another active household has is a warning at registration and edit, not a refusal.
/// </summary>
public class HouseholdSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Instant Created = AppFactory.Now - Duration.FromDays(10);

    private async Task<int> AddAsync(string code, string? name, string? phone, string? hotel) => await app.WithDbAsync(async db =>
    {
        var household = new Household(code, 3, "uk", Created, name, phone, hotel);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return household.Id;
    });

    private async Task<string> SearchAsync(string query, int page = 1)
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        return WebUtility.HtmlDecode(await desk.GetStringAsync($"/Desk/Households?q={Uri.EscapeDataString(query)}&p={page}"));
    }

    [Theory]
    [InlineData("наталія")]
    [InlineData("НАТАЛІЯ")]
    [InlineData("bellecour")]
    [InlineData("hotel bellec")]
    [InlineData("06 75")]
    [InlineData("75 12 34")]
    [InlineData("+33 6 75 12")]
    [InlineData("06.75.12.34.56")]
    public async Task A_household_is_found_by_its_name_or_hotel_in_any_case_and_accents_or_by_digits_of_its_phone(string query)
    {
        if (!await app.WithDbAsync(db => db.Households.AnyAsync(h => h.Code == "XNA-01")))
        {
            await AddAsync("XNA-01", "Наталія", "+33675123456", "Hôtel Bellecour");
            await AddAsync("XNA-02", "Hélène", "+33699887766", "Formule 1 Vénissieux");
        }

        var found = await SearchAsync(query);

        Assert.Contains("XNA-01", found, StringComparison.Ordinal);
        Assert.DoesNotContain("XNA-02", found, StringComparison.Ordinal);
        Assert.Contains("1–1 sur 1", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_results_are_counted_and_paged()
    {
        for (var i = 0; i < 57; i++)
        {
            await AddAsync($"XPA-{i:00}", null, null, "Ibis Vaulx-en-Velin");
        }

        var second = await SearchAsync("ibis vaulx", page: 2);

        Assert.Contains("21–40 sur 57", second, StringComparison.Ordinal);
        Assert.Contains("XPA-20", second, StringComparison.Ordinal);
        Assert.DoesNotContain("XPA-19", second, StringComparison.Ordinal);
        Assert.Contains("p=3", second, StringComparison.Ordinal);
        Assert.Contains("41–57 sur 57", await SearchAsync("ibis vaulx", page: 9), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_a_search_the_list_shows_the_households_seen_lately()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer1, "2026-11-30T09:00", app.Site.Households[7])).StatusCode);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var list = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk/Households"));

        Assert.Contains("Vus récemment", list, StringComparison.Ordinal);
        Assert.Contains("TAA-07", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Households_saved_before_the_search_text_existed_get_it_at_start()
    {
        var id = await AddAsync("XKM-01", "Оксана", null, null);
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Households\" SET \"SearchText\" = NULL WHERE \"Id\" = {id}"));

        await ActivatorUtilities.CreateInstance<SearchTextBackfill>(app.Services).StartAsync(CancellationToken.None);

        Assert.Contains("XKM-01", await SearchAsync("оксана"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_already_known_is_a_warning_at_registration_then_registered_when_confirmed()
    {
        await AddAsync("XDP-01", null, "+33611223344", null);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var form = new Dictionary<string, string> { ["Input.Size"] = "2", ["Input.Language"] = "ar", ["Input.Phone"] = "06 11 22 33 44" };

        var warned = await desk.SubmitAsync("/Desk/Households/New", form);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Ce numéro est déjà celui de", WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("XDP-01", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Households.CountAsync(h => h.Phone == "+33611223344")));

        form["Input.SamePhoneSeen"] = "+33611223344";
        var registered = await desk.SubmitAsync("/Desk/Households/New", form);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Households.CountAsync(h => h.Phone == "+33611223344")));
    }

    [Fact]
    public async Task A_phone_already_known_is_a_warning_at_edit_and_from_the_api()
    {
        await AddAsync("XDP-02", null, "+33622334455", null);
        var other = await AddAsync("XDP-03", null, null, null);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var form = new Dictionary<string, string> { ["Input.Size"] = "3", ["Input.Language"] = "uk", ["Input.Phone"] = "+33 6 22 33 44 55" };

        var warned = await desk.SubmitAsync($"/Desk/Households/Edit?id={other}", form, $"/Desk/Households/Edit?id={other}&handler=Save");

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("XDP-02", await warned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Households.Where(h => h.Id == other).Select(h => h.Phone).SingleAsync()));
        form["Input.SamePhoneSeen"] = "+33622334455";
        Assert.Equal(HttpStatusCode.Redirect, (await desk.SubmitAsync($"/Desk/Households/Edit?id={other}", form, $"/Desk/Households/Edit?id={other}&handler=Save")).StatusCode);
        Assert.Equal("+33622334455", await app.WithDbAsync(db => db.Households.Where(h => h.Id == other).Select(h => h.Phone).SingleAsync()));

        var api = await app.SignedInAsync(TestSite.Desk);
        var created = await api.PostAsJsonAsync("/api/v1/households", new { size = 2, language = "fr", phone = "06 22 33 44 55" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var samePhone = (await created.JsonAsync()).GetProperty("samePhone").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["XDP-02", "XDP-03"], samePhone);
    }

    [Fact]
    public async Task The_household_page_lists_its_coming_and_past_bookings_and_its_wishes()
    {
        var household = app.Site.Households[8];
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer2, "2026-12-01T15:00", household)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var past = Domain.Bookings.Booking.ForHousehold(app.Site.Washer2, new Interval(AppFactory.Now - Duration.FromDays(7), AppFactory.Now - Duration.FromDays(7) + Duration.FromHours(1)),
                1, household, Domain.Bookings.BookedBy.Desk, null, AppFactory.Now - Duration.FromDays(8));
            db.Bookings.Add(past);
            var laundry = await db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync();
            db.Waitlist.Add(new Domain.Bookings.WaitlistEntry(household, laundry, new LocalDate(2026, 12, 4), AppFactory.Now));
            await db.SaveChangesAsync();
        });
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var page = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Desk/Households/Edit?id={household}"));

        Assert.Contains("mardi 1 décembre", page, StringComparison.Ordinal);
        Assert.Contains("23 novembre 2026", page, StringComparison.Ordinal);
        Assert.Contains("vendredi 4 décembre · Laundry", page, StringComparison.Ordinal);
    }
}
