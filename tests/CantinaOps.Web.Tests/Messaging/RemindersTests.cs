using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Waitlist;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Messaging;

public class RemindersTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private async Task RunMessagesAsync(Instant at)
    {
        app.Clock.Reset(at);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessagesJob>().RunAsync(CancellationToken.None);
    }

    private async Task<int> HouseholdAsync(int index, string language, string? phone)
    {
        var id = app.Site.Households[index];
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            household.Update(household.Size, language, null, phone, null);
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<int> BookAsync(int resource, string start, int householdId)
    {
        app.Clock.Reset(AppFactory.Now);
        var desk = await app.SignedInAsync(TestSite.Desk);
        return (await (await desk.BookAsync(resource, start, householdId)).JsonAsync()).GetProperty("id").GetInt32();
    }

    private List<string> SmsTo(string phone) =>
        app.Sms.Received.Where(m => m.GetProperty("recipient").GetString() == phone.TrimStart('+'))
            .Select(m => m.GetProperty("content").GetString()!).ToList();

    private static Instant Local(int day, int hour, int minute = 0) => Paris.ToInstant(new LocalDateTime(2026, 12, day, hour, minute));

    [Fact]
    public async Task The_evening_reminder_arrives_by_sms_in_french_and_in_arabic_once()
    {
        var french = await HouseholdAsync(210, "fr", "+33611000210");
        var arabic = await HouseholdAsync(211, "ar", "+33611000211");
        await BookAsync(app.Site.Washer1, "2026-12-03T10:00", french);
        await BookAsync(app.Site.Washer2, "2026-12-03T10:00", arabic);

        await RunMessagesAsync(Local(2, 17, 59));
        Assert.Empty(SmsTo("+33611000210"));
        await RunMessagesAsync(Local(2, 18, 1));
        await RunMessagesAsync(Local(2, 18, 2));

        var fr = Assert.Single(SmsTo("+33611000210"));
        Assert.Contains("rappel — Lavage jeudi 3 décembre à 10:00 (Lave-linge 1)", fr, StringComparison.Ordinal); // the machine as families read it
        var ar = Assert.Single(SmsTo("+33611000211"));
        Assert.Contains("تذكير", ar, StringComparison.Ordinal);
        Assert.Contains("غسالة 2", ar, StringComparison.Ordinal);
        Assert.Contains("غسيل", ar, StringComparison.Ordinal);
        Assert.Contains("10:00", ar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_day_reminder_waits_for_the_end_of_the_quiet_hours()
    {
        var id = await HouseholdAsync(212, "fr", "+33611000212");
        await BookAsync(app.Site.Dryer, "2026-12-04T09:00", id);

        await RunMessagesAsync(Local(3, 18, 5)); // the evening reminder
        await RunMessagesAsync(Local(4, 7, 0)); // 2 h before, in the quiet hours: nothing
        Assert.Single(SmsTo("+33611000212"));
        await RunMessagesAsync(Local(4, 8, 1));

        Assert.Equal(2, SmsTo("+33611000212").Count);
    }

    [Fact]
    public async Task A_cancelled_booking_gets_nothing_and_a_moved_one_is_reminded_of_its_new_time()
    {
        var cancelledFor = await HouseholdAsync(213, "fr", "+33611000213");
        var movedFor = await HouseholdAsync(214, "fr", "+33611000214");
        var cancelled = await BookAsync(app.Site.Washer1, "2026-12-05T14:00", cancelledFor);
        var moved = await BookAsync(app.Site.Washer1, "2026-12-05T15:00", movedFor);
        var desk = await app.SignedInAsync(TestSite.Desk);
        await desk.DeleteAsync($"/api/v1/bookings/{cancelled}");
        await app.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.Id == moved);
            var later = new Interval(Local(5, 16), Local(5, 17));
            booking.MoveTo(app.Site.Washer2, new CantinaOps.Domain.Scheduling.SlotClaim(later, 1), AppFactory.Now, BookedBy.Desk);
            await db.SaveChangesAsync();
        });

        await RunMessagesAsync(Local(4, 18, 3));

        Assert.Empty(SmsTo("+33611000213"));
        Assert.Contains("16:00 (Lave-linge 2)", Assert.Single(SmsTo("+33611000214")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_household_without_a_phone_is_on_the_desk_s_list_to_tell_in_person()
    {
        var id = await HouseholdAsync(215, "uk", null);
        await BookAsync(app.Site.Washer2, "2026-12-07T10:00", id);

        await RunMessagesAsync(Local(6, 18, 4));

        app.Clock.Reset(AppFactory.Now);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        Assert.Contains("TCC-15", await desk.GetStringAsync("/Desk"), StringComparison.Ordinal);
        Assert.Equal(DispatchStatus.ToTellInPerson, await app.WithDbAsync(db =>
            db.Set<Dispatch>().Where(d => d.HouseholdId == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_partner_is_reminded_by_email_two_days_before()
    {
        await app.WithDbAsync(async db =>
        {
            var partner = await db.Partners.SingleAsync(p => p.Id == app.Site.PartnerB);
            db.Entry(partner).Property(p => p.Contact).CurrentValue = "cuisine@epicerie-test.org";
            await db.SaveChangesAsync();
        });
        app.Clock.Reset(AppFactory.Now);
        var partner = await app.SignedInAsync(TestSite.PartnerBUser);
        await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-09T07:30", "2026-12-09T13:00", app.Site.PartnerB);

        await RunMessagesAsync(Local(7, 10, 2));

        var mail = Assert.Single(app.Smtp.Received, m => m.To.ToString().Contains("cuisine@epicerie-test.org", StringComparison.Ordinal));
        Assert.Contains("mercredi 9 décembre à 07:30", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_moves_the_evening_reminder_to_19_00()
    {
        var id = await HouseholdAsync(216, "en", "+33611000216");
        await BookAsync(app.Site.Washer1, "2026-12-11T10:00", id);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string>
        {
            ["eveningAt"] = "19:00",
            ["hoursBefore"] = "2",
            ["partnerDaysBefore"] = "2",
        }, "/Coordinator/Rules?handler=Reminders");
        try
        {
            await RunMessagesAsync(Local(10, 18, 30));
            Assert.Empty(SmsTo("+33611000216"));
            await RunMessagesAsync(Local(10, 19, 1));
            Assert.Contains("Reminder", Assert.Single(SmsTo("+33611000216")), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
            await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string>
            {
                ["eveningAt"] = "18:00",
                ["hoursBefore"] = "2",
                ["partnerDaysBefore"] = "2",
            }, "/Coordinator/Rules?handler=Reminders");
        }
    }
}
