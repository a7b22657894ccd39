using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Domain.Tests.Scheduling;

public class WalkInRulesTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly WalkInPolicy Margin30 = new(Duration.FromMinutes(30));

    private static Instant At(int hour, int minute) => Paris.ToInstant(new LocalDateTime(2026, 12, 2, hour, minute));

    private static Rule? Check(BookedBy by, Instant now)
    {
        var site = new SiteBuilder().Build();
        var washer = site.Resource("Washer 1");
        return new SpaceSchedule(washer.Space).CheckHouseholdSlot(washer, SiteBuilder.Household(), by, At(9, 0), now, [],
            new QuotaPolicy(site.QuotaTiers), [], Margin30).Refusal?.Rule;
    }

    [Theory]
    [InlineData(8, 45, null)] // inside the 30 minutes' notice
    [InlineData(9, 5, null)] // started
    [InlineData(9, 29, null)]
    [InlineData(9, 30, Rule.TooLate)] // the slot's end minus the margin
    public void The_desk_books_a_walk_in_until_the_slot_end_minus_the_margin(int hour, int minute, Rule? rule)
    {
        Assert.Equal(rule, Check(BookedBy.Desk, At(hour, minute)));
        Assert.Equal(rule, Check(BookedBy.Coordinator, At(hour, minute)));
    }

    [Fact]
    public void A_family_keeps_the_notice()
    {
        Assert.Equal(Rule.TooLate, Check(BookedBy.Household, At(8, 45)));
        Assert.Equal(Rule.TooLate, Check(BookedBy.Household, At(9, 5)));
        Assert.Null(Check(BookedBy.Household, At(8, 29)));
    }
}
