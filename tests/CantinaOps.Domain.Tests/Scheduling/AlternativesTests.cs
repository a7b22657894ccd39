using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class AlternativesTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Instant Local(int day, int hour) => Paris.ToInstant(new LocalDateTime(2026, 12, day, hour, 0));

    private static HeldTime Held(int resource, int day, int hour) => new(resource, Local(day, hour), Local(day, hour + 1));

    [Fact]
    public void A_broken_washer_s_booking_goes_to_another_washer_at_the_same_hour_first()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var washer1 = site.Resource("Washer 1");
        var slot = schedule.SlotsOn(washer1, new LocalDate(2026, 12, 2)).First(s => s.LocalStart.Hour == 10);

        var alternative = schedule.NearestAlternative(washer1, slot, Now, [Held(1, 2, 10)]);

        Assert.Equal(site.Resource("Washer 2").Id, alternative?.ResourceId);
        Assert.Equal(slot.Start, alternative?.Start);
    }

    [Fact]
    public void When_the_other_washers_are_taken_the_nearest_hour_is_offered_never_a_dryer()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var washer1 = site.Resource("Washer 1");
        washer1.MarkOutOfService(Local(2, 9), null, "Broken");
        var slot = schedule.SlotsOn(washer1, new LocalDate(2026, 12, 2)).First(s => s.LocalStart.Hour == 10);
        // Washer 2 is taken at 10:00 and 11:00, free at 09:00; the dryer is free all day.
        var held = new[] { Held(1, 2, 10), Held(2, 2, 10), Held(2, 2, 11) };

        var alternative = schedule.NearestAlternative(washer1, slot, Now, held);

        Assert.Equal(site.Resource("Washer 2").Id, alternative?.ResourceId);
        Assert.Equal(Local(2, 9), alternative?.Start);
    }

    [Fact]
    public void A_dryer_is_offered_right_after_the_wash_or_at_the_next_free_hour()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));

        var free = schedule.FirstFreeAfter(ResourceKind.Dryer, Local(2, 10), []);
        var taken = schedule.FirstFreeAfter(ResourceKind.Dryer, Local(2, 10), [Held(3, 2, 10), Held(3, 2, 11)]);

        Assert.Equal(Local(2, 10), free?.Start);
        Assert.Equal(Local(2, 14), taken?.Start); // 12:00-14:00 the laundry is closed
        Assert.Null(schedule.FirstFreeAfter(ResourceKind.Dryer, Local(2, 23), []));
    }
}

public class StillFitsTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static CantinaOps.Domain.Bookings.Booking WashAt(int day, int hour) => CantinaOps.Domain.Bookings.Booking.ForHousehold(1,
        new Interval(Paris.ToInstant(new LocalDateTime(2026, 12, day, hour, 0)), Paris.ToInstant(new LocalDateTime(2026, 12, day, hour + 1, 0))),
        1, 7, CantinaOps.Domain.Bookings.BookedBy.Desk, null, Now);

    [Fact]
    public void A_new_closure_shorter_hours_or_a_retired_machine_make_a_booking_no_longer_fit()
    {
        var site = new SiteBuilder().Build();
        var laundry = site.Space(SpaceKind.Laundry);
        var washer = site.Resource("Washer 1");
        var schedule = new SpaceSchedule(laundry);

        Assert.Null(schedule.StillFits(washer, WashAt(3, 17)));

        site.AddClosure(new LocalDate(2026, 12, 4), new LocalDate(2026, 12, 4), "Inventaire");
        laundry.ReplaceHours(IsoDayOfWeek.Thursday, [(new LocalTime(14, 0), new LocalTime(17, 0))]);
        Assert.Equal(CantinaOps.Domain.Bookings.Rule.Closed, schedule.StillFits(washer, WashAt(4, 10))?.Rule);
        Assert.Equal(CantinaOps.Domain.Bookings.Rule.OutsideOpeningHours, schedule.StillFits(washer, WashAt(3, 17))?.Rule);
        Assert.Null(schedule.StillFits(washer, WashAt(3, 16)));

        washer.Retire();
        Assert.Equal(CantinaOps.Domain.Bookings.Rule.ResourceOutOfService, schedule.StillFits(washer, WashAt(3, 16))?.Rule);
    }
}
