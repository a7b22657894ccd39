using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Messaging;

[Collection(HangfireCollection.Name)]
public class ExactlyOnceTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    /// <summary>A booking, and <paramref name="count"/> notices about it for a partner (e-mail) or a household (SMS).</summary>
    private async Task<List<int>> NoticesAsync(int count, bool email, string start)
    {
        app.Clock.Reset(AppFactory.Now);
        var ids = new List<int>();
        await app.WithDbAsync(async db =>
        {
            var partner = await db.Partners.SingleAsync(p => p.Id == app.Site.PartnerA);
            db.Entry(partner).Property(p => p.Contact).CurrentValue = "restos@test.org";
            var household = await db.Households.SingleAsync(h => h.Id == app.Site.Households[220]);
            household.Update(household.Size, "fr", null, "+33611000220", null);
            var zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];
            var at = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(start).Value;
            var time = new Interval(CantinaOps.Domain.Scheduling.SiteTime.ToInstant(zone, at), CantinaOps.Domain.Scheduling.SiteTime.ToInstant(zone, at.PlusHours(2)));
            var booking = email
                ? Booking.ForPartner(app.Site.ProKitchen, time, app.Site.PartnerA, BookedBy.Coordinator, null, AppFactory.Now)
                : Booking.ForHousehold(app.Site.Washer1, new Interval(time.Start, time.Start + Duration.FromHours(1)), 1, household.Id, BookedBy.Desk, null, AppFactory.Now);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            var notices = Enumerable.Range(0, count).Select(_ => new Notice(NoticeKind.BookingMoved, booking.Id,
                email ? null : household.Id, email ? app.Site.PartnerA : null, AppFactory.Now)).ToList();
            db.Notices.AddRange(notices);
            await db.SaveChangesAsync();
            ids.AddRange(notices.Select(n => n.Id));
        });
        return ids;
    }

    private async Task PlanAndDrainAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DispatchPlanner>().PlanAsync(CantinaOps.Domain.Messaging.ReminderSettings.Default, CancellationToken.None);
        await app.Services.GetRequiredService<DispatchSender>().DrainAsync(4, CancellationToken.None);
    }

    private int MailsFor(IEnumerable<int> notices) =>
        notices.Sum(id => app.Smtp.Received.Count(m => m.MessageId == $"notice.{id}@cantinaops"));

    [Fact]
    public async Task Running_the_job_twice_sends_each_message_once()
    {
        var notices = await NoticesAsync(3, email: true, "2026-12-14T08:00");

        await PlanAndDrainAsync();
        await PlanAndDrainAsync();

        Assert.Equal(3, MailsFor(notices));
        Assert.All(notices, id => Assert.Equal(1, MailsFor([id])));
    }

    [Fact]
    public async Task When_the_smtp_server_refuses_the_first_attempt_the_retry_delivers_exactly_once()
    {
        var notices = await NoticesAsync(1, email: true, "2026-12-15T08:00");
        app.Smtp.RefuseNext(1);

        await PlanAndDrainAsync();
        Assert.Equal(0, MailsFor(notices));
        var failed = await app.WithDbAsync(db => db.Set<Dispatch>().SingleAsync(d => d.NoticeId == notices[0]));
        Assert.Equal(DispatchStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        app.Clock.AdvanceMinutes(1);
        await PlanAndDrainAsync();
        app.Clock.AdvanceMinutes(5);
        await PlanAndDrainAsync();

        Assert.Equal(1, MailsFor(notices));
        Assert.Equal(DispatchStatus.Sent, await app.WithDbAsync(db => db.Set<Dispatch>().Where(d => d.NoticeId == notices[0]).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_process_stopped_between_sending_and_marking_does_not_send_twice_and_the_desk_sees_it()
    {
        var notices = await NoticesAsync(1, email: true, "2026-12-16T08:00");
        app.Faults.CrashAfterSend = d => d.NoticeId == notices[0];
        try
        {
            await Assert.ThrowsAsync<MessagingApp.SimulatedCrashException>(PlanAndDrainAsync);
        }
        finally
        {
            app.Faults.CrashAfterSend = _ => false;
        }

        app.Clock.AdvanceMinutes(3); // the dead worker's lease runs out
        await PlanAndDrainAsync();
        app.Clock.AdvanceMinutes(10);
        await PlanAndDrainAsync();

        Assert.Equal(1, MailsFor(notices));
        Assert.Equal(DispatchStatus.Unconfirmed, await app.WithDbAsync(db => db.Set<Dispatch>().Where(d => d.NoticeId == notices[0]).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_process_stopped_after_claiming_but_before_sending_loses_nothing()
    {
        var notices = await NoticesAsync(1, email: true, "2026-12-17T08:00");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchPlanner>().PlanAsync(CantinaOps.Domain.Messaging.ReminderSettings.Default, CancellationToken.None);
        }

        // A worker claimed it and died before talking to the provider.
        await app.WithDbAsync(db => db.Set<Dispatch>().Where(d => d.NoticeId == notices[0])
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DispatchStatus.Claimed).SetProperty(d => d.ClaimToken, Guid.NewGuid())
                .SetProperty(d => d.ClaimedUntil, app.Clock.GetCurrentInstant() + Duration.FromMinutes(2))));

        await app.Services.GetRequiredService<DispatchSender>().DrainAsync(4, CancellationToken.None);
        Assert.Equal(0, MailsFor(notices)); // still someone else's, for now
        app.Clock.AdvanceMinutes(3);
        await PlanAndDrainAsync();

        Assert.Equal(1, MailsFor(notices));
    }

    [Fact]
    public async Task Two_hangfire_servers_on_the_same_storage_send_a_thousand_messages_once_each()
    {
        var notices = await NoticesAsync(1000, email: false, "2026-12-18T09:00");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1000, await scope.ServiceProvider.GetRequiredService<DispatchPlanner>().PlanAsync(
                CantinaOps.Domain.Messaging.ReminderSettings.Default, CancellationToken.None));
        }

        var storage = app.Services.GetRequiredService<JobStorage>();
        var activator = new AspNetCoreJobActivator(app.Services.GetRequiredService<IServiceScopeFactory>());
        var before = app.Sms.Received.Count;
        using (var one = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "one", WorkerCount = 3, Activator = activator }, storage))
        using (var two = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "two", WorkerCount = 3, Activator = activator }, storage))
        {
            var client = new BackgroundJobClient(storage);
            for (var i = 0; i < 12; i++)
            {
                client.Enqueue<DispatchSender>(s => s.DrainAsync(4, CancellationToken.None));
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await app.WithDbAsync(db => db.Set<Dispatch>().CountAsync(d => notices.Contains(d.NoticeId!.Value) && d.Status != DispatchStatus.Sent)) > 0
                   && waited.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
            }
        }

        var received = app.Sms.Received.Skip(before).Select(m => m.GetProperty("tag").GetString()).ToList();
        Assert.Equal(1000, received.Count);
        Assert.Equal(1000, received.Distinct().Count());
        Assert.Equal(notices.Select(id => $"notice:{id}").Order(), received.Order());
    }
}
