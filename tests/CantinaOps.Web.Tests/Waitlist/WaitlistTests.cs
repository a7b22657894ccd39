using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Waitlist;

/// <summary>Joining, leaving and serving the waitlist give the same outcome by the family's page, the API and the job.</summary>
public class WaitlistTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { FamilyPage, DeskApi }

    private Task<int> LaundryAsync() =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());

    private async Task<HttpResponseMessage> JoinAsync(Way way, int household, int space, string day)
    {
        if (way == Way.DeskApi)
        {
            var desk = await app.SignedInAsync(TestSite.Desk);
            return await desk.PostAsJsonAsync("/api/v1/waitlist", new { householdId = household, spaceId = space, day });
        }

        var family = await app.SignedInFamilyAsync(household);
        return await family.SubmitAsync($"/Family/Book?space={await LaundryAsync()}&kind=Washer", new Dictionary<string, string>
        {
            ["space"] = $"{space}",
            ["kind"] = "Washer",
            ["day"] = day,
        }, $"/Family/Book?space={space}&kind=Washer&handler=Waitlist");
    }

    private Task<bool> HasOpenWishAsync(int household) =>
        app.WithDbAsync(db => db.Waitlist.AnyAsync(w => w.HouseholdId == household && w.ClosedAt == null));

    private async Task<int> RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaitlistJob>().RunAsync(CancellationToken.None);
    }

    private async Task BookAsync(int resource, string start, int household)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(resource, start, household)).StatusCode);
    }

    public static TheoryData<Way, string, string, string> Refusals()
    {
        var data = new TheoryData<Way, string, string, string>();
        foreach (var way in Enum.GetValues<Way>())
        {
            // way, case, day, expected rule (the French message the page shows is that rule's)
            data.Add(way, "past", "2026-11-29", nameof(Rule.TooLate));
            data.Add(way, "beyond-horizon", "2026-12-20", nameof(Rule.TooFarAhead));
            data.Add(way, "closed", "2026-12-12", nameof(Rule.Closed));
            data.Add(way, "quota", "2026-12-03", nameof(Rule.QuotaReached));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_wish_the_waitlist_could_never_serve_is_refused_alike_by_the_page_and_the_API(Way way, string @case, string day, string rule)
    {
        var household = app.Site.Households[(way == Way.FamilyPage ? 10 : 20) + Array.IndexOf(["past", "beyond-horizon", "closed", "quota"], @case)];
        var space = await LaundryAsync();
        if (@case == "closed")
        {
            await app.WithDbAsync(async db =>
            {
                var site = await db.Sites.Include(s => s.Closures).SingleAsync();
                if (site.Closures.All(c => c.FirstDay != new LocalDate(2026, 12, 12)))
                {
                    site.AddClosure(new LocalDate(2026, 12, 12), new LocalDate(2026, 12, 12), "Inventaire");
                    await db.SaveChangesAsync();
                }
            });
            app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        }

        if (@case == "quota")
        {
            // Use the week's whole quota first (3 cycles from 5 people, else 2).
            var limit = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Size).SingleAsync()) >= 5 ? 3 : 2;
            var hours = way == Way.FamilyPage ? new[] { "09:00", "10:00", "11:00" } : ["14:00", "15:00", "16:00"];
            foreach (var hour in hours.Take(limit))
            {
                await BookAsync(app.Site.Dryer, $"2026-12-02T{hour}", household);
            }
        }

        var response = await JoinAsync(way, household, space, day);

        Assert.False(await HasOpenWishAsync(household));
        if (way == Way.DeskApi)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var expected = new Refusal(Enum.Parse<Rule>(rule), "").Code;
            Assert.Equal(expected, (await response.JsonAsync()).GetProperty("rule").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the page again, with the reason
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(RuleMessage(rule), html, StringComparison.Ordinal);
        }
    }

    private string RuleMessage(string rule)
    {
        using var scope = app.Services.CreateScope();
        var l = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr");
            return l[$"Rule.{rule}"].Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    [Theory]
    [InlineData(Way.FamilyPage, "9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData(Way.DeskApi, "9999-12-31", HttpStatusCode.BadRequest)]
    [InlineData(Way.FamilyPage, "-0001-01-01", HttpStatusCode.BadRequest)]
    [InlineData(Way.DeskApi, "-0001-01-01", HttpStatusCode.BadRequest)]
    public async Task A_date_outside_the_app_s_window_is_a_bad_request_and_stores_nothing(Way way, string day, HttpStatusCode status)
    {
        var household = app.Site.Households[way == Way.FamilyPage ? 30 : 31];

        var response = await JoinAsync(way, household, await LaundryAsync(), day);

        Assert.Equal(status, response.StatusCode);
        Assert.False(await HasOpenWishAsync(household));
    }

    [Theory]
    [InlineData(Way.FamilyPage)]
    [InlineData(Way.DeskApi)]
    public async Task A_wish_for_a_space_that_does_not_exist_is_not_found(Way way)
    {
        var household = app.Site.Households[way == Way.FamilyPage ? 32 : 33];

        var response = await JoinAsync(way, household, 999, "2026-12-03");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await HasOpenWishAsync(household));
    }

    [Theory]
    [InlineData(Way.FamilyPage)]
    [InlineData(Way.DeskApi)]
    public async Task A_wish_can_be_left_and_both_steps_are_in_the_audit_trail(Way way)
    {
        var household = app.Site.Households[way == Way.FamilyPage ? 34 : 35];
        var space = await LaundryAsync();
        Assert.Equal(way == Way.DeskApi ? HttpStatusCode.Created : HttpStatusCode.Redirect, (await JoinAsync(way, household, space, "2026-12-04")).StatusCode);
        Assert.True(await HasOpenWishAsync(household));

        if (way == Way.DeskApi)
        {
            var desk = await app.SignedInAsync(TestSite.Desk);
            Assert.Equal(HttpStatusCode.NoContent,
                (await desk.DeleteAsync($"/api/v1/waitlist?householdId={household}&spaceId={space}&day=2026-12-04")).StatusCode);
        }
        else
        {
            var family = await app.SignedInFamilyAsync(household);
            await family.SubmitAsync($"/Family/Book?space={space}&kind=Washer&day=2026-12-04", new Dictionary<string, string>
            {
                ["space"] = $"{space}",
                ["kind"] = "Washer",
                ["day"] = "2026-12-04",
            }, $"/Family/Book?space={space}&kind=Washer&handler=LeaveWaitlist");
        }

        Assert.False(await HasOpenWishAsync(household));
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync());
        var actions = await app.WithDbAsync(db => db.Set<CantinaOps.Web.Data.AuditEntry>().Where(a => a.Subject == code).Select(a => a.Action).ToListAsync());
        Assert.Equal(["waitlist.join", "waitlist.leave"], actions);
    }

    [Fact]
    public async Task The_waitlist_job_does_not_book_for_a_paused_household_any_more_than_its_own_page_would()
    {
        var household = app.Site.Households[40];
        var space = await LaundryAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).PauseSelfBooking(AppFactory.Now + Duration.FromDays(3));
            await db.SaveChangesAsync();
        });
        // The family's own page refuses; the desk may still put the family on the list.
        var refused = await JoinAsync(Way.FamilyPage, household, space, "2026-12-01");
        Assert.Contains(RuleMessage(nameof(Rule.SelfBookingPaused)), WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(Way.DeskApi, household, space, "2026-12-01")).StatusCode);

        Assert.Equal(0, await RunJobAsync());
        Assert.False(await app.WithDbAsync(db => db.Bookings.AnyAsync(b => b.HouseholdId == household)));
        Assert.True(await HasOpenWishAsync(household)); // it waits for the pause to end

        await app.WithDbAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).LiftPause();
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await RunJobAsync());
        Assert.False(await HasOpenWishAsync(household));
    }

    [Fact]
    public async Task A_wish_the_job_cannot_serve_does_not_stop_the_others_and_a_served_wish_is_booked_closed_and_told_once()
    {
        var broken = app.Site.Households[41];
        var ordinary = app.Site.Households[42];
        var space = await LaundryAsync();
        await app.WithDbAsync(async db =>
        {
            // Stored before wishes were checked: a day no date arithmetic survives.
            db.Waitlist.Add(new Domain.Bookings.WaitlistEntry(broken, space, new LocalDate(9999, 12, 31), AppFactory.Now - Duration.FromDays(1)));
            db.Waitlist.Add(new Domain.Bookings.WaitlistEntry(ordinary, space, new LocalDate(2026, 12, 2), AppFactory.Now));
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        var booking = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.HouseholdId == ordinary));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == booking.Id && n.Kind == NoticeKind.WaitlistBooked)));
        Assert.False(await HasOpenWishAsync(ordinary));
        Assert.False(await HasOpenWishAsync(broken));
    }
}
