using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Messaging;

[Collection(HangfireCollection.Name)]
public class JobsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> RunAsync<TJob, T>(Func<TJob, Task<T>> run) where TJob : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private async Task<int> BookAsync(int resource, string start, int household)
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var response = await desk.BookAsync(resource, start, household);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Bookings_without_check_in_are_released_after_the_grace_and_two_absences_pause_self_booking()
    {
        var household = app.Site.Households[230];
        var first = await BookAsync(app.Site.Washer1, "2026-11-30T09:00", household);
        var second = await BookAsync(app.Site.Washer1, "2026-11-30T10:00", app.Site.Households[231]);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 15)); // 09:15: within the 20-minute grace
        try
        {
            Assert.Equal(0, await RunAsync<NoShowJob, int>(j => j.RunAsync(CancellationToken.None)));
            app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 21));
            Assert.Equal(1, await RunAsync<NoShowJob, int>(j => j.RunAsync(CancellationToken.None)));
            Assert.Equal(0, await RunAsync<NoShowJob, int>(j => j.RunAsync(CancellationToken.None))); // re-running does nothing more
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var released = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == first));
        Assert.Equal(BookingStatus.NoShow, released.Status);
        Assert.Null(released.HeldFrom);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == second).Select(b => b.Status).SingleAsync()));

        var again = await BookAsync(app.Site.Washer2, "2026-12-01T09:00", household);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 1, 8, 30));
        try
        {
            await RunAsync<NoShowJob, int>(j => j.RunAsync(CancellationToken.None));
            var family = await app.SignedInFamilyAsync(household);
            var spaceId = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
            var refused = await family.SubmitAsync($"/Family/Book?space={spaceId}&kind=Washer&day=2026-12-02", new Dictionary<string, string>
            {
                ["space"] = $"{spaceId}",
                ["kind"] = "Washer",
                ["day"] = "2026-12-02",
                ["start"] = "2026-12-02T14:00",
            });
            Assert.Contains("passe par l'accueil", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        Assert.Equal(BookingStatus.NoShow, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == again).Select(b => b.Status).SingleAsync()));
        var paused = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Id == household));
        Assert.Equal(Instant.FromUtc(2026, 12, 8, 8, 30), paused.SelfBookingPausedUntil);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        await desk.SubmitAsync($"/Desk/Households/Edit?id={household}", new Dictionary<string, string>(), $"/Desk/Households/Status?id={household}&handler=LiftPause");
        Assert.Null(await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.SelfBookingPausedUntil).SingleAsync()));
    }

    [Fact]
    public async Task A_wish_on_the_waitlist_is_booked_in_order_within_quotas_and_told()
    {
        var early = app.Site.Households[232];
        var atQuota = app.Site.Households[233]; // size 6 → 3 laundry cycles a week
        foreach (var hour in new[] { "09:00", "10:00", "11:00" })
        {
            await BookAsync(app.Site.Dryer, $"2026-12-08T{hour}", atQuota);
        }

        await app.WithDbAsync(async db =>
        {
            var spaceId = await db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync();
            db.Waitlist.Add(new WaitlistEntry(early, spaceId, new LocalDate(2026, 12, 9), AppFactory.Now));
            db.Waitlist.Add(new WaitlistEntry(atQuota, spaceId, new LocalDate(2026, 12, 9), AppFactory.Now + Duration.FromMinutes(1)));
            await db.SaveChangesAsync();
        });

        Assert.Equal(1, await RunAsync<WaitlistJob, int>(j => j.RunAsync(CancellationToken.None)));

        var booked = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.HouseholdId == early));
        Assert.Equal(Instant.FromUtc(2026, 12, 8, 23, 0), booked.Start); // the first free washer slot of 9 December, 00:00
        Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == booked.Id && n.Kind == NoticeKind.WaitlistBooked)));
        Assert.True(await app.WithDbAsync(db => db.Waitlist.AnyAsync(w => w.HouseholdId == atQuota && w.ClosedAt == null)));
    }

    [Fact]
    public async Task Households_unseen_for_two_years_are_anonymised_and_keep_their_code()
    {
        int old = 0;
        await app.WithDbAsync(async db =>
        {
            var household = new CantinaOps.Domain.Households.Household("QQQ-11", 4, "uk", AppFactory.Now - Duration.FromDays(800), "Olena", "+380671110000", "Hôtel du Parc");
            db.Households.Add(household);
            await db.SaveChangesAsync();
            old = household.Id;
        });
        await app.IssueAccessAsync(old);
        var recent = app.Site.Households[234];

        Assert.True(await RunAsync<RetentionJob, int>(j => j.RunAsync(CancellationToken.None)) >= 1);

        var erased = await app.WithDbAsync(db => db.Households.SingleAsync(h => h.Id == old));
        Assert.Equal("QQQ-11", erased.Code);
        Assert.Null(erased.Phone);
        Assert.Null(erased.DisplayName);
        Assert.Null(erased.Hotel);
        Assert.NotNull(erased.AnonymisedAt);
        Assert.False(await app.WithDbAsync(db => db.HouseholdAccess.AnyAsync(a => a.HouseholdId == old)));
        Assert.Null(await app.WithDbAsync(db => db.Households.Where(h => h.Id == recent).Select(h => h.AnonymisedAt).SingleAsync()));
    }

    [Fact]
    public async Task The_weekly_plan_trigger_records_next_week_once()
    {
        var monday = await RunAsync<WeeklyPlanJob, LocalDate>(j => j.RunAsync(CancellationToken.None));
        await RunAsync<WeeklyPlanJob, LocalDate>(j => j.RunAsync(CancellationToken.None));

        Assert.Equal(new LocalDate(2026, 12, 7), monday);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "weekly-plan.due" && a.Subject == "week 2026-12-07")));
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_coordinators_only()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/jobs")).StatusCode);
        var dashboard = await coordinator.GetAsync("/jobs");
        Assert.True(dashboard.StatusCode == HttpStatusCode.OK, await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_an_sms_provider_configured_reminders_wait_on_the_desk_s_list_instead_of_failing()
    {
        var household = app.Site.Households[235];
        await app.WithDbAsync(async db =>
        {
            var h = await db.Households.SingleAsync(x => x.Id == household);
            h.Update(h.Size, "fr", null, "+33611000235", null);
            await db.SaveChangesAsync();
        });
        await BookAsync(app.Site.Washer2, "2026-12-03T14:00", household);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 2, 17, 5)); // 18:05 the evening before
        try
        {
            await RunAsync<MessagesJob, bool>(async j => { await j.RunAsync(CancellationToken.None); return true; });
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var dispatch = await app.WithDbAsync(db => db.Set<CantinaOps.Web.Features.Messaging.Dispatch>().SingleAsync(d => d.HouseholdId == household));
        Assert.Equal(CantinaOps.Web.Features.Messaging.DispatchStatus.ToTellInPerson, dispatch.Status);
        Assert.Equal(0, dispatch.Attempts);
    }
}
