using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class HouseholdBookingRulesTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    // Tuesday 1 December 2026, 08:00 in Paris.
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Instant Local(int month, int day, int hour, int minute = 0) =>
        Paris.ToInstant(new LocalDateTime(2026, month, day, hour, minute));

    private static Outcome<SlotClaim> Check(Site site, string resource, Instant start, int weekCount = 0,
        int householdSize = 3, bool active = true, Instant? now = null, params HeldTime[] held) =>
        new SpaceSchedule(site.Resource(resource).Space).CheckHouseholdSlot(
            site.Resource(resource), SiteBuilder.Household(householdSize, active), BookedBy.Desk, start, now ?? Now,
            SiteBuilder.Washes(weekCount), new QuotaPolicy(site.QuotaTiers), held);

    [Fact]
    public void A_free_slot_is_granted_with_its_exact_interval()
    {
        var site = new SiteBuilder().Build();

        var outcome = Check(site, "Washer 1", Local(12, 2, 9));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(new Interval(Local(12, 2, 9), Local(12, 2, 10)), outcome.Value.Time);
        Assert.Equal(1, outcome.Value.Seat);
    }

    [Fact]
    public void Booking_a_taken_slot_is_refused()
    {
        var site = new SiteBuilder().Build();
        var taken = new HeldTime(1, Local(12, 2, 9), Local(12, 2, 10));

        Assert.Equal(Rule.SlotTaken, Check(site, "Washer 1", Local(12, 2, 9), held: taken).Refusal?.Rule);
    }

    [Fact]
    public void A_resource_with_two_places_gives_the_second_place_then_refuses()
    {
        var site = new SiteBuilder().Build();
        var first = new HeldTime(5, Local(12, 2, 10), Local(12, 2, 12), Seat: 1);
        var second = first with { Seat = 2 };

        Assert.Equal(2, Check(site, "Table", Local(12, 2, 10), held: first).Value.Seat);
        Assert.Equal(Rule.SlotTaken, Check(site, "Table", Local(12, 2, 10), held: [first, second]).Refusal?.Rule);
    }

    [Fact]
    public void A_closed_day_is_refused_with_its_reason()
    {
        var day = new LocalDate(2026, 12, 25);
        var site = new SiteBuilder().WithClosure(day, day, "Noël").Build();

        var refusal = Check(site, "Washer 1", Local(12, 25, 9)).Refusal;

        Assert.Equal(Rule.Closed, refusal?.Rule);
        Assert.Contains("Noël", refusal?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_outside_opening_hours_is_refused()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.OutsideOpeningHours, Check(site, "Washer 1", Local(12, 2, 12, 30)).Refusal?.Rule);
        Assert.Equal(Rule.OutsideOpeningHours, Check(site, "Washer 1", Local(12, 2, 7)).Refusal?.Rule);
    }

    [Fact]
    public void A_time_inside_hours_that_is_not_a_slot_start_is_refused()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.NotASlotStart, Check(site, "Washer 1", Local(12, 2, 9, 30)).Refusal?.Rule);
    }

    [Fact]
    public void A_slot_inside_the_minimum_notice_or_in_the_past_is_too_late()
    {
        var site = new SiteBuilder().Build(); // laundry notice: 30 minutes
        var now = Local(12, 1, 9, 45);

        Assert.Equal(Rule.TooLate, Check(site, "Washer 1", Local(12, 1, 10), now: now).Refusal?.Rule);
        Assert.Equal(Rule.TooLate, Check(site, "Washer 1", Local(12, 1, 9), now: now).Refusal?.Rule);
        Assert.True(Check(site, "Washer 1", Local(12, 1, 10), now: Local(12, 1, 9, 30)).IsSuccess);
    }

    [Fact]
    public void The_horizon_allows_its_last_day_and_refuses_the_next()
    {
        var site = new SiteBuilder().Build(); // laundry horizon: 14 days from 1 December

        Assert.True(Check(site, "Washer 1", Local(12, 15, 17)).IsSuccess);
        Assert.Equal(Rule.TooFarAhead, Check(site, "Washer 1", Local(12, 16, 9)).Refusal?.Rule);
    }

    [Fact]
    public void An_inactive_household_cannot_book()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.HouseholdInactive, Check(site, "Washer 1", Local(12, 2, 9), active: false).Refusal?.Rule);
    }

    [Fact]
    public void A_machine_out_of_service_is_refused_until_it_is_back()
    {
        var site = new SiteBuilder().Build();
        site.Resource("Washer 1").MarkOutOfService(Local(12, 2, 10, 30), Local(12, 2, 15), "Leak");

        Assert.True(Check(site, "Washer 1", Local(12, 2, 9)).IsSuccess);
        Assert.Equal(Rule.ResourceOutOfService, Check(site, "Washer 1", Local(12, 2, 10)).Refusal?.Rule);
        Assert.Equal(Rule.ResourceOutOfService, Check(site, "Washer 1", Local(12, 2, 14)).Refusal?.Rule);
        Assert.True(Check(site, "Washer 1", Local(12, 2, 15)).IsSuccess);
        Assert.True(Check(site, "Washer 2", Local(12, 2, 10)).IsSuccess);
    }

    [Fact]
    public void An_outage_until_further_notice_blocks_every_later_slot()
    {
        var site = new SiteBuilder().Build();
        site.Resource("Dryer 1").MarkOutOfService(Local(12, 2, 9), null, "Broken drum");

        Assert.Equal(Rule.ResourceOutOfService, Check(site, "Dryer 1", Local(12, 14, 9)).Refusal?.Rule);
    }

    [Fact]
    public void The_weekly_quota_refuses_the_booking_past_the_limit()
    {
        var site = new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 2).Build();

        Assert.True(Check(site, "Washer 1", Local(12, 2, 9), weekCount: 1).IsSuccess);
        Assert.Equal(Rule.QuotaReached, Check(site, "Washer 1", Local(12, 2, 9), weekCount: 2).Refusal?.Rule);
    }

    [Fact]
    public void A_larger_household_gets_the_larger_quota()
    {
        var site = new SiteBuilder()
            .WithQuota(SpaceKind.Laundry, 1, 2)
            .WithQuota(SpaceKind.Laundry, 5, 3)
            .Build();

        Assert.Equal(Rule.QuotaReached, Check(site, "Washer 1", Local(12, 2, 9), weekCount: 2, householdSize: 4).Refusal?.Rule);
        Assert.True(Check(site, "Washer 1", Local(12, 2, 9), weekCount: 2, householdSize: 5).IsSuccess);
        Assert.Equal(Rule.QuotaReached, Check(site, "Washer 1", Local(12, 2, 9), weekCount: 3, householdSize: 7).Refusal?.Rule);
    }

    [Fact]
    public void The_quota_of_one_space_kind_does_not_limit_another()
    {
        var site = new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 0).Build();

        Assert.Equal(Rule.QuotaReached, Check(site, "Washer 1", Local(12, 2, 9)).Refusal?.Rule);
        Assert.True(Check(site, "Station 1", Local(12, 2, 10), weekCount: 5).IsSuccess);
    }

    [Fact]
    public void Quota_weeks_change_at_monday_midnight_local_time()
    {
        // The household already holds 2 laundry cycles in the week of Monday 23 November.
        var site = new SiteBuilder().WithSlotLength(ResourceKind.Washer, 30).WithQuota(SpaceKind.Laundry, 1, 2).Build();
        var now = Local(11, 27, 12);
        var sundayLate = Local(11, 29, 23, 30);
        var mondayEarly = Local(11, 30, 9, 30);
        var weekOfSunday = Paris.IsoWeekOf(sundayLate);
        int CountIn(Interval week) => week == weekOfSunday ? 2 : 0;

        Assert.Equal(Rule.QuotaReached,
            Check(site, "Washer 1", sundayLate, weekCount: CountIn(Paris.IsoWeekOf(sundayLate)), now: now).Refusal?.Rule);
        Assert.True(Check(site, "Washer 1", mondayEarly, weekCount: CountIn(Paris.IsoWeekOf(mondayEarly)), now: now).IsSuccess);
    }

    [Fact]
    public void A_household_cannot_book_the_professional_kitchen()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.WrongResourceForBooker, Check(site, "Pro kitchen", Local(12, 10, 8)).Refusal?.Rule);
    }

    [Fact]
    public void A_slot_starting_in_the_repeated_hour_can_be_booked_once()
    {
        var site = new SiteBuilder().WithNightLaundry().Build();
        var now = Instant.FromUtc(2026, 10, 20, 12, 0);
        var start = Instant.FromUtc(2026, 10, 25, 0, 0); // 02:00 CEST
        var granted = Check(site, "Washer 1", start, now: now);

        Assert.True(granted.IsSuccess);
        Assert.Equal(Rule.SlotTaken, Check(site, "Washer 1", start, now: now,
            held: new HeldTime(1, granted.Value.Time.Start, granted.Value.Time.End)).Refusal?.Rule);
        // The second 02:00 (CET) lies inside that same slot, so it is not a separate start.
        Assert.Equal(Rule.NotASlotStart, Check(site, "Washer 1", Instant.FromUtc(2026, 10, 25, 1, 0), now: now).Refusal?.Rule);
    }

    [Fact]
    public void A_paused_household_is_refused_when_it_books_itself_and_served_when_the_desk_books_for_it()
    {
        var site = new SiteBuilder().Build();
        var household = SiteBuilder.Household();
        household.PauseSelfBooking(Now + Duration.FromDays(7));
        var schedule = new SpaceSchedule(site.Resource("Washer 1").Space);

        Outcome<SlotClaim> As(BookedBy by) => schedule.CheckHouseholdSlot(site.Resource("Washer 1"), household, by, Local(12, 2, 9), Now, [],
            new QuotaPolicy(site.QuotaTiers), []);

        Assert.Equal(Rule.SelfBookingPaused, As(BookedBy.Household).Refusal?.Rule);
        Assert.True(As(BookedBy.Desk).IsSuccess);
        Assert.True(As(BookedBy.Coordinator).IsSuccess);
    }

    [Theory]
    [InlineData(BookedBy.Partner, true)]
    [InlineData(BookedBy.Coordinator, false)]
    [InlineData(BookedBy.Desk, false)]
    public void Only_a_partner_asking_itself_waits_for_approval(BookedBy by, bool pending)
    {
        var pro = new SiteBuilder().Build().Space(SpaceKind.ProfessionalKitchen);
        pro.Configure(pro.Name, pro.MinimumNotice, pro.HorizonDays, requiresApproval: true);

        Assert.Equal(pending, pro.NeedsApproval(by));
        pro.Configure(pro.Name, pro.MinimumNotice, pro.HorizonDays, requiresApproval: false);
        Assert.False(pro.NeedsApproval(by));
    }
}
