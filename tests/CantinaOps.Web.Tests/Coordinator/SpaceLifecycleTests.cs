using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>
/// A coordinator adds a space (closed until its hours are typed, then bookable like the others) and retires one
/// (said once more in plain words, with its coming bookings; afterwards offered nowhere, its history kept). Its own
/// app: these tests change which spaces the site has.
/// </summary>
public class SpaceLifecycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> NewSpace(string name, string kind = "Laundry", string notice = "30", string horizon = "14") => new()
    {
        ["newName"] = name, ["newKind"] = kind, ["newNoticeMinutes"] = notice, ["newHorizonDays"] = horizon,
    };

    [Fact]
    public async Task A_new_space_opens_nothing_until_its_hours_and_machines_are_set_then_is_booked_like_the_others()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var added = await coordinator.SubmitAsync("/Coordinator/Spaces", NewSpace("Buanderie du 2e"), "/Coordinator/Spaces?handler=AddSpace");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var space = await app.WithDbAsync(db => db.Spaces.Include(s => s.OpeningHours).SingleAsync(s => s.Name == "Buanderie du 2e"));
        Assert.Equal((SpaceKind.Laundry, true, 30.0, 14, 0), (space.Kind, space.IsActive, space.MinimumNotice.TotalMinutes, space.HorizonDays, space.OpeningHours.Count));
        Assert.Contains("space.add", await app.WithDbAsync(db => db.Audit.Where(a => a.Subject == "Buanderie du 2e").Select(a => a.Action).ToListAsync()));

        var hours = new Dictionary<string, string> { ["spaceId"] = $"{space.Id}", ["name"] = "Buanderie du 2e", ["noticeMinutes"] = "30", ["horizonDays"] = "14" };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            hours[$"hours[{day}]"] = "09:00-12:00";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/Coordinator/Spaces", hours, "/Coordinator/Spaces?handler=Space")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string>
        {
            ["spaceId"] = $"{space.Id}", ["resourceName"] = "Lave-linge 7", ["kind"] = "Washer", ["capacity"] = "1",
        }, "/Coordinator/Spaces?handler=AddResource")).StatusCode);
        var washer = await app.WithDbAsync(db => db.Resources.Where(r => r.Name == "Lave-linge 7").Select(r => r.Id).SingleAsync());

        var desk = await app.SignedInAsync(TestSite.Desk);
        var spaces = await desk.GetFromJsonAsync<List<SpaceRow>>("/api/v1/spaces");
        Assert.Contains(spaces!, s => s.Id == space.Id && s.Kind == "laundry");
        var booked = await desk.BookAsync(washer, "2026-12-01T10:00", app.Site.Households[0]);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    private sealed record SpaceRow(int Id, string Name, string Kind);

    [Theory]
    [InlineData("", "Laundry", "30", "14")]
    [InlineData("Salle", "Bogus", "30", "14")]
    [InlineData("Salle", "Laundry", "-1", "14")]
    [InlineData("Salle", "Laundry", "43201", "14")]
    [InlineData("Salle", "Laundry", "30", "731")]
    [InlineData("Salle", "Laundry", "30", "2147483647")]
    public async Task A_refused_new_space_shows_what_to_fix_keeps_what_was_typed_and_adds_nothing(string name, string kind, string notice, string horizon)
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var before = await app.WithDbAsync(db => db.Spaces.CountAsync());

        var response = await coordinator.SubmitAsync("/Coordinator/Spaces", NewSpace(name, kind, notice, horizon), "/Coordinator/Spaces?handler=AddSpace");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ces réglages ne sont pas valables : un nom, un délai de 0 à 43 200 minutes (30 jours), un horizon de 0 à 730 jours", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"newHorizonDays\" type=\"number\" min=\"0\" max=\"730\" value=\"{horizon}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Spaces.CountAsync()));
    }

    [Fact]
    public async Task A_too_long_name_is_refused_with_its_length()
    {
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var response = await coordinator.SubmitAsync("/Coordinator/Spaces", NewSpace(new string('x', 121)), "/Coordinator/Spaces?handler=AddSpace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("121", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Spaces.AnyAsync(s => s.Name.Length > 120)));
    }

    [Fact]
    public async Task Only_a_coordinator_adds_or_retires_a_space()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

        var add = await desk.SubmitAsync("/Desk", NewSpace("Salle du bureau"), "/Coordinator/Spaces?handler=AddSpace");
        var retire = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["spaceId"] = $"{laundry}", ["Confirm"] = "true" },
            "/Coordinator/Spaces?handler=RetireSpace");

        Assert.False(add.IsSuccessStatusCode || add.StatusCode == HttpStatusCode.Redirect && add.Headers.Location!.OriginalString.Contains("/Coordinator/Spaces", StringComparison.Ordinal));
        Assert.False(retire.IsSuccessStatusCode);
        Assert.False(await app.WithDbAsync(db => db.Spaces.AnyAsync(s => s.Name == "Salle du bureau")));
        Assert.True(await app.WithDbAsync(db => db.Spaces.Where(s => s.Id == laundry).Select(s => s.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_retired_space_is_confirmed_in_plain_words_then_offered_nowhere_and_its_history_stays()
    {
        // A family kitchen of its own, so that the other tests of this class keep the laundry.
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/Coordinator/Spaces", NewSpace("Cuisine du bas", "FamilyKitchen"),
            "/Coordinator/Spaces?handler=AddSpace")).StatusCode);
        var space = await app.WithDbAsync(db => db.Spaces.Where(s => s.Name == "Cuisine du bas").Select(s => s.Id).SingleAsync());
        var hours = new Dictionary<string, string> { ["spaceId"] = $"{space}", ["name"] = "Cuisine du bas", ["noticeMinutes"] = "30", ["horizonDays"] = "14", ["hours[Tuesday]"] = "09:00-12:00" };
        await coordinator.SubmitAsync("/Coordinator/Spaces", hours, "/Coordinator/Spaces?handler=Space");
        await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string>
        {
            ["spaceId"] = $"{space}", ["resourceName"] = "Poste A", ["kind"] = "CookingStation", ["capacity"] = "1",
        }, "/Coordinator/Spaces?handler=AddResource");
        var station = await app.WithDbAsync(db => db.Resources.Where(r => r.Name == "Poste A").Select(r => r.Id).SingleAsync());
        var household = app.Site.Households[7];
        var desk = await app.SignedInAsync(TestSite.Desk);
        var booked = await desk.BookAsync(station, "2026-12-01T09:00", household);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var asked = await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string> { ["spaceId"] = $"{space}" },
            "/Coordinator/Spaces?handler=RetireSpace");
        var question = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Retirer « Cuisine du bas » ?", question, StringComparison.Ordinal);
        Assert.Contains("Ressources retirées avec lui : 1.", question, StringComparison.Ordinal);
        Assert.Contains("Cela ne peut pas être annulé.", question, StringComparison.Ordinal);
        Assert.Contains("Réservations à venir à déplacer ou annuler ensuite : 1.", question, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Spaces.Where(s => s.Id == space).Select(s => s.IsActive).SingleAsync())); // nothing yet

        var confirmed = await coordinator.SubmitAsync("/Coordinator/Spaces", new Dictionary<string, string> { ["spaceId"] = $"{space}", ["Confirm"] = "true" },
            "/Coordinator/Spaces?handler=RetireSpace");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.EndsWith("/Coordinator/Affected", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal); // its booking, to handle
        Assert.Equal((false, false), await app.WithDbAsync(async db => (
            await db.Spaces.Where(s => s.Id == space).Select(s => s.IsActive).SingleAsync(),
            await db.Resources.Where(r => r.Id == station).Select(r => r.IsActive).SingleAsync())));
        Assert.Contains("space.retire", await app.WithDbAsync(db => db.Audit.Where(a => a.Subject == "Cuisine du bas").Select(a => a.Action).ToListAsync()));

        // Offered nowhere: the API, the family, the desk's week and booking pages, closures and agreements.
        Assert.DoesNotContain((await desk.GetFromJsonAsync<List<SpaceRow>>("/api/v1/spaces"))!, s => s.Id == space);
        var again = await desk.BookAsync(station, "2026-12-01T10:00", app.Site.Households[8]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("[]", await desk.GetStringAsync($"/api/v1/availability?space={space}&from=2026-12-01&days=1"));
        var deskPages = await app.SignedInBrowserAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.NotFound, (await deskPages.GetAsync($"/Desk/Week?space={space}")).StatusCode);
        Assert.DoesNotContain("Cuisine du bas", await deskPages.GetStringAsync($"/Desk/Book?householdId={household}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{space}\"", await coordinator.GetStringAsync("/Coordinator/Closures"), StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"spaceIds\" value=\"{space}\"", await coordinator.GetStringAsync("/Coordinator/Partners"), StringComparison.Ordinal);
        var family = await app.SignedInFamilyAsync(app.Site.Households[9]);
        Assert.Equal(HttpStatusCode.NotFound, (await family.GetAsync($"/Family/Book?space={space}")).StatusCode);

        // A closure or an agreement naming it is refused, never widened to the whole site.
        var closure = await coordinator.SubmitAsync("/Coordinator/Closures", new Dictionary<string, string>
        {
            ["First"] = "2026-12-08", ["Reason"] = "Travaux", ["SpaceId"] = $"{space}", ["Confirm"] = "true",
        }, "/Coordinator/Closures?handler=Add");
        Assert.Equal(HttpStatusCode.OK, closure.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.Reason == "Travaux")));

        // Nothing more can be changed in it; it is listed as retired; its history still names it.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.SubmitAsync("/Coordinator/Spaces", hours, "/Coordinator/Spaces?handler=Space")).StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Coordinator/Spaces"));
        Assert.Contains("Espaces retirés", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"name-{space}\"", page, StringComparison.Ordinal);
        Assert.Contains("Poste A", await deskPages.GetStringAsync($"/Desk/Households/Edit?id={household}"), StringComparison.Ordinal);
    }
}
