using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class PartnerBlockRulesTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Instant Local(int day, int hour, int minute = 0) =>
        Paris.ToInstant(new LocalDateTime(2026, 12, day, hour, minute));

    private static Outcome<SlotClaim> Check(Site site, Instant start, Instant end, string resource = "Pro kitchen",
        params HeldTime[] held) =>
        new SpaceSchedule(site.Resource(resource).Space).CheckPartnerBlock(site.Resource(resource), start, end, Now, held);

    [Fact]
    public void A_morning_block_within_opening_hours_is_granted()
    {
        var site = new SiteBuilder().Build();

        var outcome = Check(site, Local(8, 7, 30), Local(8, 13));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(Duration.FromMinutes(330), outcome.Value.Time.Duration);
    }

    [Fact]
    public void An_overlapping_block_is_refused_and_an_adjacent_one_is_granted()
    {
        var site = new SiteBuilder().Build();
        var morning = new HeldTime(6, Local(8, 7, 30), Local(8, 13));

        Assert.Equal(Rule.SlotTaken, Check(site, Local(8, 12), Local(8, 15), held: morning).Refusal?.Rule);
        Assert.True(Check(site, Local(8, 13), Local(8, 17), held: morning).IsSuccess);
    }

    [Fact]
    public void A_block_off_the_quarter_hour_grid_or_ending_before_it_starts_is_invalid()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.InvalidBlock, Check(site, Local(8, 8, 10), Local(8, 12)).Refusal?.Rule);
        Assert.Equal(Rule.InvalidBlock, Check(site, Local(8, 12), Local(8, 9)).Refusal?.Rule);
    }

    [Fact]
    public void A_block_running_past_closing_time_is_outside_opening_hours()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.OutsideOpeningHours, Check(site, Local(8, 13), Local(8, 19)).Refusal?.Rule);
    }

    [Fact]
    public void A_block_on_a_closed_day_is_refused()
    {
        var site = new SiteBuilder().WithClosure(new LocalDate(2026, 12, 8), new LocalDate(2026, 12, 8), "Inventaire").Build();

        Assert.Equal(Rule.Closed, Check(site, Local(8, 7, 30), Local(8, 13)).Refusal?.Rule);
    }

    [Fact]
    public void A_partner_cannot_book_a_washer()
    {
        var site = new SiteBuilder().Build();

        Assert.Equal(Rule.WrongResourceForBooker, Check(site, Local(8, 9), Local(8, 10), "Washer 1").Refusal?.Rule);
    }

    [Fact]
    public void Availability_splits_the_kitchen_day_around_reserved_blocks()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.ProfessionalKitchen));

        var day = schedule.Availability(new LocalDate(2026, 12, 8), 1, [new HeldTime(6, Local(8, 9), Local(8, 12))]);

        Assert.Equal([("07:30", "09:00", true), ("09:00", "12:00", false), ("12:00", "18:00", true)],
            day.Select(a => (a.Slot.LocalStart.ToString("HH:mm", null), a.Slot.LocalEnd.ToString("HH:mm", null), a.Free)));
    }
}
