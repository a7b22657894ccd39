using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class RuleChangeTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);
    private static readonly LocalDate Thursday = new(2026, 12, 10);

    private static Booking Wash(int resourceId, int hour, int minute = 0, int minutes = 60)
    {
        var start = Paris.ToInstant(Thursday + new LocalTime(hour, minute));
        return Booking.ForHousehold(resourceId, new Interval(start, start + Duration.FromMinutes(minutes)), 1, 7, BookedBy.Desk, null, Now);
    }

    private static Booking Block(int hour, int toHour)
    {
        var block = new Interval(Paris.ToInstant(Thursday + new LocalTime(hour, 0)), Paris.ToInstant(Thursday + new LocalTime(toHour, 0)));
        return Booking.ForPartner(6, block, 1, BookedBy.Partner, null, Now);
    }

    [Fact]
    public void A_closure_that_already_existed_affects_no_booking_even_those_it_already_left_out()
    {
        var before = new SiteBuilder().WithClosure(Thursday, Thursday, "Holiday").Build();
        var after = new SiteBuilder().WithClosure(Thursday, Thursday, "Holiday").Build();
        after.AddClosure(Thursday, Thursday, "Holiday again");
        var bookings = new[] { Wash(1, 9), Wash(2, 10) };

        var affected = RuleChange.Affected(bookings, before, after);

        Assert.Empty(affected);
        // The bookings do break the rules: it is not this change that left them out.
        Assert.All(bookings, b => Assert.NotNull(new SpaceSchedule(after.Space(SpaceKind.Laundry)).StillFits(after.Resource(b.ResourceId == 1 ? "Washer 1" : "Washer 2"), b)));
    }

    [Fact]
    public void A_new_closure_affects_the_bookings_of_its_days_and_no_other()
    {
        var before = new SiteBuilder().Build();
        var after = new SiteBuilder().Build();
        after.AddClosure(Thursday, Thursday, "Water damage");
        var onTheDay = Wash(1, 9);
        var nextDay = Booking.ForHousehold(1, new Interval(onTheDay.Start + Duration.FromDays(1), onTheDay.End + Duration.FromDays(1)), 1, 7, BookedBy.Desk, null, Now);

        var affected = RuleChange.Affected([onTheDay, nextDay], before, after);

        var only = Assert.Single(affected);
        Assert.Same(onTheDay, only.Booking);
        Assert.Equal(Rule.Closed, only.Reason.Rule);
    }

    [Fact]
    public void A_slot_length_from_60_to_90_minutes_affects_the_washes_off_the_new_grid_and_not_the_partner_blocks()
    {
        var before = new SiteBuilder().Build();
        var after = new SiteBuilder().Build();
        after.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(90));
        var nineToTen = Wash(1, 9);
        var tenToEleven = Wash(2, 10);
        var dry = Booking.ForHousehold(3, Wash(1, 9).Time, 1, 7, BookedBy.Desk, null, Now);
        var block = Block(8, 12);

        var affected = RuleChange.Affected([nineToTen, tenToEleven, dry, block], before, after);

        Assert.Equal([nineToTen, tenToEleven], affected.Select(a => a.Booking));
        Assert.All(affected, a => Assert.Equal(Rule.NotASlotStart, a.Reason.Rule));
    }

    [Fact]
    public void A_booking_on_the_new_grid_is_not_affected_by_the_slot_length_it_was_made_for()
    {
        var before = new SiteBuilder().WithSlotLength(ResourceKind.Washer, 90).Build();
        var after = new SiteBuilder().Build();
        after.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(90));
        after.AddClosure(Thursday.PlusDays(7), Thursday.PlusDays(7), "Another day");

        Assert.Empty(RuleChange.Affected([Wash(1, 10, 30, minutes: 90)], before, after));
    }

    [Fact]
    public void Retiring_a_machine_affects_its_bookings_and_a_removed_one_too()
    {
        var before = new SiteBuilder().Build();
        var after = new SiteBuilder().Build();
        after.Resource("Washer 1").Retire();
        var onRetired = Wash(1, 9);
        var onOther = Wash(2, 9);

        var affected = RuleChange.Affected([onRetired, onOther], before, after);

        Assert.Equal(Rule.ResourceOutOfService, Assert.Single(affected, a => a.Booking == onRetired).Reason.Rule);
        Assert.DoesNotContain(affected, a => a.Booking == onOther);
        var gone = RuleChange.Affected([onOther], id => before.Spaces.SelectMany(s => s.Resources).SingleOrDefault(r => r.Id == id), _ => null);
        Assert.Single(gone);
    }

    [Fact]
    public void Shorter_hours_affect_the_bookings_they_cut()
    {
        var before = new SiteBuilder().Build();
        var after = new SiteBuilder().Build();
        after.Space(SpaceKind.Laundry).ReplaceHours(IsoDayOfWeek.Thursday, [(new LocalTime(9, 0), new LocalTime(10, 0))]);

        var affected = RuleChange.Affected([Wash(1, 9), Wash(1, 11)], before, after);

        Assert.Equal(Rule.OutsideOpeningHours, Assert.Single(affected).Reason.Rule);
    }

    [Fact]
    public void A_partner_block_moved_off_a_closed_day_goes_to_the_next_covered_day_with_room_at_its_usual_time()
    {
        var site = new SiteBuilder().WithClosure(Thursday, Thursday).Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.ProfessionalKitchen));
        var kitchen = site.Resource("Pro kitchen");
        var agreement = new Agreement(1, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31), [3]);
        var friday = Thursday.PlusDays(1);
        var fridayTaken = new HeldTime(6, Paris.ToInstant(friday + new LocalTime(7, 30)), Paris.ToInstant(friday + new LocalTime(18, 0)));
        var original = Block(10, 14).Time;

        var block = SeriesPlanner.NearestFreeBlock(schedule, kitchen, original, 7, [fridayTaken], Now, [agreement]);
        var outsideAgreement = SeriesPlanner.NearestFreeBlock(schedule, kitchen, original, 7, [], Now,
            [new Agreement(1, new LocalDate(2026, 1, 1), Thursday, [3])]);

        Assert.Equal(new Interval(Paris.ToInstant(Thursday.PlusDays(2) + new LocalTime(10, 0)), Paris.ToInstant(Thursday.PlusDays(2) + new LocalTime(14, 0))), block);
        Assert.Null(outsideAgreement);
    }

    [Fact]
    public void A_partner_block_cut_by_shorter_hours_stays_on_its_day_as_near_its_time_as_the_hours_allow()
    {
        var site = new SiteBuilder().Build();
        var pro = site.Space(SpaceKind.ProfessionalKitchen);
        pro.ReplaceHours(IsoDayOfWeek.Thursday, [(new LocalTime(7, 30), new LocalTime(12, 0))]);
        var agreement = new Agreement(1, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31), [3]);

        var block = SeriesPlanner.NearestFreeBlock(new SpaceSchedule(pro), site.Resource("Pro kitchen"), Block(10, 14).Time, 7, [], Now, [agreement]);

        Assert.Equal(Paris.ToInstant(Thursday + new LocalTime(8, 0)), block?.Start);
    }
}
