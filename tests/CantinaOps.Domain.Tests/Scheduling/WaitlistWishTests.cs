using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class WaitlistWishTests
{
    // Tuesday 1 December 2026, 08:00 in Paris.
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Rule? Check(Site site, LocalDate day, int weekCount = 0, SpaceKind kind = SpaceKind.Laundry, BookedBy by = BookedBy.Household,
        Domain.Households.Household? household = null, Instant? now = null) =>
        new SpaceSchedule(site.Space(kind)).CheckWish(household ?? SiteBuilder.Household(), by, day, now ?? Now, SiteBuilder.Washes(weekCount),
            new QuotaPolicy(site.QuotaTiers))?.Rule;

    [Fact]
    public void A_wish_for_an_open_day_within_the_horizon_is_kept() =>
        Assert.Null(Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 3)));

    [Fact]
    public void A_wish_for_a_closed_day_is_refused() =>
        Assert.Equal(Rule.Closed, Check(new SiteBuilder().WithClosure(new LocalDate(2026, 12, 3), new LocalDate(2026, 12, 3)).Build(),
            new LocalDate(2026, 12, 3)));

    [Fact]
    public void A_wish_for_a_weekday_the_space_never_opens_is_refused()
    {
        var site = new SiteBuilder().Build();
        site.Space(SpaceKind.Laundry).ReplaceHours(IsoDayOfWeek.Thursday, []);

        Assert.Equal(Rule.Closed, Check(site, new LocalDate(2026, 12, 3)));
    }

    [Theory]
    [InlineData(2026, 11, 30, Rule.TooLate)]
    [InlineData(2026, 12, 16, Rule.TooFarAhead)]
    [InlineData(9999, 12, 31, Rule.OutsideDateWindow)]
    [InlineData(1, 1, 1, Rule.OutsideDateWindow)]
    public void A_wish_outside_the_booking_window_is_refused(int year, int month, int day, Rule rule) =>
        Assert.Equal(rule, Check(new SiteBuilder().Build(), new LocalDate(year, month, day)));

    [Fact]
    public void A_wish_for_today_after_its_last_bookable_slot_is_refused() =>
        // 17:45 in Paris: the last laundry slot (17:00) closed to bookings 30 minutes before it started.
        Assert.Equal(Rule.TooLate, Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 1), now: Instant.FromUtc(2026, 12, 1, 16, 45)));

    [Fact]
    public void A_wish_in_a_week_whose_quota_is_used_up_is_refused() =>
        Assert.Equal(Rule.QuotaReached, Check(new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 2).Build(), new LocalDate(2026, 12, 3), weekCount: 2));

    [Fact]
    public void The_professional_kitchen_has_no_household_waitlist() =>
        Assert.Equal(Rule.WrongResourceForBooker, Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 3), kind: SpaceKind.ProfessionalKitchen));

    [Fact]
    public void A_paused_household_cannot_wait_by_itself_but_the_desk_can_add_it()
    {
        var household = SiteBuilder.Household();
        household.PauseSelfBooking(Now + Duration.FromDays(3));

        Assert.Equal(Rule.SelfBookingPaused, Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 3), household: household));
        Assert.Null(Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 3), by: BookedBy.Desk, household: household));
    }

    [Fact]
    public void An_inactive_household_cannot_wait() =>
        Assert.Equal(Rule.HouseholdInactive, Check(new SiteBuilder().Build(), new LocalDate(2026, 12, 3), household: SiteBuilder.Household(active: false)));
}
