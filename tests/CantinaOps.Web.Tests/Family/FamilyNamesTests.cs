using System.Net;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Family;

/// <summary>
/// Families read machines and spaces by kind in their own language with the machine's number, or the name the
/// coordinator gave in that language; the desk keeps the coordinator's names.
/// </summary>
public class FamilyNamesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> BookAsync(int resource, string start, int household)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var response = await api.BookAsync(resource, start, household);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task<HttpClient> ArabicFamilyAsync(int household)
    {
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ChangeLanguage("ar");
            await db.SaveChangesAsync();
        });
        return await app.SignedInFamilyAsync(household);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_arabic_family_reads_the_machine_and_the_space_in_arabic_and_the_desk_keeps_the_sites_names()
    {
        var household = app.Site.Households[3];
        var booking = await BookAsync(app.Site.Washer2, "2026-12-01T09:00", household);
        var family = await ArabicFamilyAsync(household);

        var ticket = await PageAsync(family, $"/Family/Ticket?id={booking}");
        var home = await PageAsync(family, "/Family");
        var list = await PageAsync(family, "/Family/Bookings");

        Assert.Contains("غسالة 2", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("Washer 2", ticket, StringComparison.Ordinal);
        Assert.Contains("المغسلة", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Laundry", home, StringComparison.Ordinal);
        Assert.Contains("غسالة 2", list, StringComparison.Ordinal);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        Assert.Contains("Washer 2", await PageAsync(desk, "/Desk/Week"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_names_a_machine_in_one_language_and_only_that_language_reads_it()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var response = await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string>
        {
            ["resourceId"] = $"{app.Site.Dryer}", ["names[ar]"] = "المجففة الكبيرة", ["names[uk]"] = "",
        }, "/Coordinator/Spaces?handler=ResourceNames");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var household = app.Site.Households[9];
        var booking = await BookAsync(app.Site.Dryer, "2026-12-01T10:00", household);

        Assert.Contains("المجففة الكبيرة", await PageAsync(await ArabicFamilyAsync(household), $"/Family/Ticket?id={booking}"), StringComparison.Ordinal);
        var french = await app.SignedInFamilyAsync(app.Site.Households[10]);
        var frenchBooking = await BookAsync(app.Site.Dryer, "2026-12-01T11:00", app.Site.Households[10]);
        Assert.Contains("Sèche-linge 1", await PageAsync(french, $"/Family/Ticket?id={frenchBooking}"), StringComparison.Ordinal);
        Assert.Equal("Dryer 1", await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Dryer).Select(r => r.Name).SingleAsync()));

        var refused = await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string>
        {
            ["resourceId"] = $"{app.Site.Dryer}", ["names[xx]"] = "Name",
        }, "/Coordinator/Spaces?handler=ResourceNames");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Un nom tient sur une ligne", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
