using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

/// <summary>A wash and the dry that follows it are one laundry cycle toward the weekly quota.</summary>
public class LaundryCycleQuotaTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    // Tuesday 1 December 2026, 08:00 in Paris.
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Interval At(int day, int hour) =>
        new(Paris.AtStrictly(new LocalDateTime(2026, 12, day, hour, 0)).ToInstant(), Paris.AtStrictly(new LocalDateTime(2026, 12, day, hour + 1, 0)).ToInstant());

    private static QuotaUse Wash(int day, int hour) => new(ResourceKind.Washer, At(day, hour));

    private static QuotaUse Dry(int day, int hour) => new(ResourceKind.Dryer, At(day, hour));

    [Fact]
    public void A_dry_after_a_wash_of_the_same_day_is_the_same_cycle()
    {
        Assert.Equal(1, QuotaPolicy.Counted([Wash(2, 9), Dry(2, 10)], Paris));
        Assert.Equal(1, QuotaPolicy.Counted([Wash(2, 9), Dry(2, 15)], Paris));
        Assert.Equal(2, QuotaPolicy.Counted([Wash(2, 9), Wash(2, 10), Dry(2, 11)], Paris));
        Assert.Equal(2, QuotaPolicy.Counted([Wash(2, 9), Wash(2, 10), Dry(2, 11), Dry(2, 14)], Paris));
    }

    [Fact]
    public void A_dry_without_a_wash_before_it_that_day_is_a_cycle_of_its_own()
    {
        Assert.Equal(1, QuotaPolicy.Counted([Dry(2, 9)], Paris));
        Assert.Equal(2, QuotaPolicy.Counted([Dry(2, 9), Wash(2, 10)], Paris)); // the dry came first
        Assert.Equal(2, QuotaPolicy.Counted([Wash(2, 9), Dry(3, 10)], Paris)); // another day
        Assert.Equal(2, QuotaPolicy.Counted([Wash(2, 9), Dry(2, 10), Dry(2, 14)], Paris)); // one dry per wash
    }

    [Fact]
    public void The_dry_offered_after_a_wash_is_booked_when_the_quota_is_otherwise_used()
    {
        var site = new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 2).Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var household = SiteBuilder.Household();
        IReadOnlyCollection<QuotaUse> week = [Wash(1, 15), Wash(2, 9)];

        var dry = schedule.CheckHouseholdSlot(site.Resource("Dryer 1"), household, BookedBy.Household, At(2, 10).Start, Now, week,
            new QuotaPolicy(site.QuotaTiers), []);
        var thirdWash = schedule.CheckHouseholdSlot(site.Resource("Washer 1"), household, BookedBy.Household, At(2, 10).Start, Now, week,
            new QuotaPolicy(site.QuotaTiers), []);
        var lateDry = schedule.CheckHouseholdSlot(site.Resource("Dryer 1"), household, BookedBy.Household, At(2, 9).Start, Now,
            [Wash(1, 15), Wash(2, 10)], new QuotaPolicy(site.QuotaTiers), []);

        Assert.True(dry.IsSuccess);
        Assert.Equal(Rule.QuotaReached, thirdWash.Refusal?.Rule);
        Assert.Equal(Rule.QuotaReached, lateDry.Refusal?.Rule); // before the day's wash: not its dry
    }

    [Fact]
    public void Only_a_coordinator_with_a_reason_books_beyond_the_quota()
    {
        var site = new SiteBuilder().WithQuota(SpaceKind.Laundry, 1, 2).Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        Outcome<SlotClaim> As(BookedBy by, string? reason) => schedule.CheckHouseholdSlot(site.Resource("Washer 1"), SiteBuilder.Household(), by,
            At(2, 10).Start, Now, [Wash(1, 15), Wash(2, 9)], new QuotaPolicy(site.QuotaTiers), [], exception: QuotaException.For(reason));

        Assert.Equal(Rule.QuotaReached, As(BookedBy.Desk, "leaving the hotel tomorrow").Refusal?.Rule);
        Assert.Equal(Rule.QuotaReached, As(BookedBy.Coordinator, "   ").Refusal?.Rule);
        Assert.True(As(BookedBy.Coordinator, "leaving the hotel tomorrow").Value.OverQuota);
        Assert.Null(QuotaException.For(new string('x', QuotaException.MaxReasonLength + 1)));
    }
}
