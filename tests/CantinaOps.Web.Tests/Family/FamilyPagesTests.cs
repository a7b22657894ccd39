using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Family;

public class FamilyPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> LaundrySpaceAsync() =>
        await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

    [Fact]
    public async Task A_family_books_a_wash_and_gets_its_ticket()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[140]);
        var space = await LaundrySpaceAsync();

        var booked = await family.SubmitAsync($"/Family/Book?space={space}&kind=Washer&day=2026-12-01", new Dictionary<string, string>
        {
            ["space"] = $"{space}",
            ["kind"] = "Washer",
            ["day"] = "2026-12-01",
            ["start"] = "2026-12-01T16:00",
        });

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var ticket = await family.GetStringAsync(booked.Headers.Location!.OriginalString);
        Assert.Contains("16:00 – 17:00", ticket, StringComparison.Ordinal);
        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.HouseholdId == app.Site.Households[140]));
        Assert.Equal(BookedBy.Household, booking.MadeBy);
    }

    [Fact]
    public async Task A_family_cannot_open_or_cancel_another_family_s_booking()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var other = (await (await api.BookAsync(app.Site.Washer2, "2026-12-02T16:00", app.Site.Households[141])).JsonAsync()).GetProperty("id").GetInt32();
        var family = await app.SignedInFamilyAsync(app.Site.Households[142]);

        var ticket = await family.GetAsync($"/Family/Ticket?id={other}");
        var cancel = await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Family/Bookings?handler=Cancel&id={other}");

        Assert.Equal(HttpStatusCode.NotFound, ticket.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == other).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_family_cancels_its_own_booking_until_the_notice_and_not_after()
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var early = (await (await api.BookAsync(app.Site.Washer1, "2026-12-03T10:00", app.Site.Households[143])).JsonAsync()).GetProperty("id").GetInt32();
        var soon = (await (await api.BookAsync(app.Site.Washer2, "2026-11-30T09:00", app.Site.Households[143])).JsonAsync()).GetProperty("id").GetInt32();
        var family = await app.SignedInFamilyAsync(app.Site.Households[143]);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 7, 40)); // 08:40, 20 minutes before the 09:00 wash
        try
        {
            await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Family/Bookings?handler=Cancel&id={early}");
            await family.SubmitAsync("/Family/Bookings", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Family/Bookings?handler=Cancel&id={soon}");
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        Assert.Equal(BookingStatus.Cancelled, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == early).Select(b => b.Status).SingleAsync()));
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == soon).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Five_wrong_pins_lock_the_family_out_even_with_the_right_one()
    {
        var id = app.Site.Households[144];
        var secrets = await app.IssueAccessAsync(id);
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-44", ["Pin"] = $"00000{i}" });
        }

        var right = await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-44", ["Pin"] = secrets.Pin });

        Assert.Contains("Réessayez dans 15 minutes", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        app.Clock.AdvanceMinutes(16);
        try
        {
            var later = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                .SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-44", ["Pin"] = secrets.Pin });
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task The_link_on_the_slip_signs_the_family_in_and_a_made_up_link_does_not()
    {
        var secrets = await app.IssueAccessAsync(app.Site.Households[145]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var good = await client.GetAsync($"/f/{secrets.LinkToken}");
        var home = await client.GetAsync("/Family");
        var bad = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/f/not-a-real-token");

        Assert.Equal("/Family", good.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/Family/SignIn", bad.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_phone_code_is_shown_at_the_desk_and_signs_the_family_in()
    {
        var id = app.Site.Households[146];
        await app.IssueAccessAsync(id);
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            household.Update(household.Size, household.Language, null, "+33612345001", null);
            await db.SaveChangesAsync();
        });
        var family = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await family.SubmitAsync("/Family/Phone", new Dictionary<string, string> { ["Phone"] = "06 12 34 50 01" }, "/Family/Phone?handler=Send");
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var edit = await desk.GetStringAsync($"/Desk/Households/Edit?id={id}");
        var code = System.Text.RegularExpressions.Regex.Match(edit, "<strong class=\"slip-code\">([0-9]{6})</strong>").Groups[1].Value;
        var verified = await family.SubmitAsync("/Family/Phone", new Dictionary<string, string> { ["Phone"] = "0612345001", ["OneTimeCode"] = code },
            "/Family/Phone?handler=Verify");

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal("/Family", verified.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_full_day_can_be_joined_as_a_wish_on_the_waitlist()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[147]);
        var space = await LaundrySpaceAsync();

        await family.SubmitAsync($"/Family/Book?space={space}&kind=Washer&day=2026-12-05", new Dictionary<string, string>
        {
            ["space"] = $"{space}",
            ["kind"] = "Washer",
            ["day"] = "2026-12-05",
        }, $"/Family/Book?space={space}&kind=Washer&day=2026-12-05&handler=Waitlist");

        var wish = await app.WithDbAsync(db => db.Waitlist.SingleAsync(w => w.HouseholdId == app.Site.Households[147]));
        Assert.Equal(new LocalDate(2026, 12, 5), wish.Day);
    }

    [Fact]
    public async Task The_language_a_family_chooses_is_kept_on_its_household()
    {
        var family = await app.SignedInFamilyAsync(app.Site.Households[148]);

        await family.SubmitAsync("/Language", new Dictionary<string, string> { ["culture"] = "fa-AF", ["returnUrl"] = "/Family" });

        Assert.Equal("fa-AF", await app.WithDbAsync(db => db.Households.Where(h => h.Id == app.Site.Households[148]).Select(h => h.Language).SingleAsync()));
        var page = await family.GetStringAsync("/Family");
        Assert.Contains("dir=\"rtl\"", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"fa-AF\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Family_pages_need_a_family_sign_in_and_a_family_cannot_open_desk_pages()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var staff = await app.SignedInBrowserAsync(TestSite.Desk);
        var family = await app.SignedInFamilyAsync(app.Site.Households[149]);

        Assert.StartsWith("/Family/SignIn", (await anonymous.GetAsync("/Family/Bookings")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Family/SignIn", (await staff.GetAsync("/Family/Bookings")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/Login", (await family.GetAsync("/Desk")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
