using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Sites;

public class OutageLifecycleTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private static Instant At(int month, int day, int hour, int minute = 0) =>
        Paris.ToInstant(new LocalDateTime(2026, month, day, hour, minute));

    private static (Site Site, Resource Washer, SpaceSchedule Schedule) Laundry(bool night = false)
    {
        var site = (night ? new SiteBuilder().WithNightLaundry() : new SiteBuilder()).Build();
        var washer = site.Resource("Washer 1");
        return (site, washer, new SpaceSchedule(site.Space(SpaceKind.Laundry)));
    }

    private static ResourceOutage Mark(Resource washer, Instant from, Instant? until, int id, string reason = "Fuite")
    {
        var outage = washer.MarkOutOfService(from, until, reason);
        // Ids come from the database; the lifecycle finds outages by id.
        typeof(ResourceOutage).GetProperty("Id")!.SetValue(outage, id);
        return outage;
    }

    private static bool OutOfService(SpaceSchedule schedule, Resource washer, LocalDate day, int hour) =>
        schedule.Availability(day, 1, []).Single(a => a.Slot.ResourceId == washer.Id && a.Slot.LocalStart.Hour == hour).OutOfService;

    [Fact]
    public void Back_in_service_ends_the_current_outage_now_and_the_next_slot_is_free()
    {
        var (_, washer, schedule) = Laundry();
        Mark(washer, At(12, 2, 8), null, 1);

        Assert.Equal(1, washer.BackInService(At(12, 2, 10, 15)));

        var outage = Assert.Single(washer.Outages);
        Assert.Equal(At(12, 2, 10, 15), outage.Until);
        Assert.True(OutOfService(schedule, washer, new LocalDate(2026, 12, 2), 10)); // it was broken during that slot
        Assert.False(OutOfService(schedule, washer, new LocalDate(2026, 12, 2), 11));
        Assert.Empty(washer.OutagesNotEnded(At(12, 2, 10, 15)));
    }

    [Fact]
    public void Back_in_service_removes_a_planned_outage_instead_of_leaving_a_second_that_blocks_its_slot()
    {
        var (_, washer, schedule) = Laundry();
        Mark(washer, At(12, 3, 14), At(12, 3, 16), 1);

        washer.BackInService(At(12, 2, 10));

        Assert.Empty(washer.Outages);
        Assert.False(OutOfService(schedule, washer, new LocalDate(2026, 12, 3), 14));
    }

    [Fact]
    public void An_outage_starting_this_very_instant_is_removed_rather_than_ended_with_no_length()
    {
        var (_, washer, _) = Laundry();
        Mark(washer, At(12, 2, 10), null, 1);

        Assert.Equal(1, washer.BackInService(At(12, 2, 10)));
        Assert.Empty(washer.Outages);
    }

    [Fact]
    public void An_outage_that_has_ended_stays_as_history_when_the_machine_is_put_back_in_service()
    {
        var (_, washer, _) = Laundry();
        Mark(washer, At(12, 1, 9), At(12, 1, 12), 1);

        Assert.Equal(0, washer.BackInService(At(12, 2, 10)));
        Assert.Equal(At(12, 1, 12), Assert.Single(washer.Outages).Until);
        Assert.Equal(OutageChange.AlreadyEnded, washer.RemoveOutage(1, At(12, 2, 10)));
        Assert.Equal(OutageChange.AlreadyEnded, washer.EditOutage(1, At(12, 1, 9), null, "x", At(12, 2, 10)));
    }

    [Fact]
    public void A_planned_outage_can_be_moved_given_an_end_and_a_new_reason()
    {
        var (_, washer, schedule) = Laundry();
        var outage = Mark(washer, At(12, 3, 9), null, 1);

        Assert.Equal(OutageChange.Done, washer.EditOutage(1, At(12, 4, 14), At(12, 4, 16), "Révision", At(12, 2, 10)));

        Assert.Equal((At(12, 4, 14), At(12, 4, 16), "Révision"), (outage.From, outage.Until, outage.Reason));
        Assert.False(OutOfService(schedule, washer, new LocalDate(2026, 12, 3), 9));
        Assert.True(OutOfService(schedule, washer, new LocalDate(2026, 12, 4), 15));
        Assert.False(OutOfService(schedule, washer, new LocalDate(2026, 12, 4), 16));
    }

    [Fact]
    public void A_planned_outage_cannot_be_moved_into_the_past_nor_end_before_it_starts()
    {
        var (_, washer, _) = Laundry();
        var outage = Mark(washer, At(12, 3, 9), null, 1);
        var now = At(12, 2, 10);

        Assert.Equal(OutageChange.InvalidTimes, washer.EditOutage(1, At(12, 2, 9), null, "x", now));
        Assert.Equal(OutageChange.InvalidTimes, washer.EditOutage(1, At(12, 3, 9), At(12, 3, 9), "x", now));
        Assert.Equal(OutageChange.NotFound, washer.EditOutage(2, At(12, 3, 9), null, "x", now));
        Assert.Equal((At(12, 3, 9), (Instant?)null, "Fuite"), (outage.From, outage.Until, outage.Reason));
    }

    [Fact]
    public void A_started_outage_keeps_its_start_and_its_end_can_move_but_not_into_the_past()
    {
        var (_, washer, _) = Laundry();
        var outage = Mark(washer, At(12, 2, 8), At(12, 2, 12), 1);
        var now = At(12, 2, 10);

        Assert.Equal(OutageChange.AlreadyStarted, washer.EditOutage(1, At(12, 2, 9), At(12, 2, 12), "x", now));
        Assert.Equal(OutageChange.InvalidTimes, washer.EditOutage(1, At(12, 2, 8), At(12, 2, 9), "x", now));
        Assert.Equal(OutageChange.Done, washer.EditOutage(1, At(12, 2, 8), At(12, 3, 12), "Pièce commandée", now));
        Assert.Equal(At(12, 3, 12), outage.Until);
        Assert.Equal(OutageChange.AlreadyStarted, washer.RemoveOutage(1, now));
        Assert.Single(washer.Outages);
    }

    [Fact]
    public void A_planned_outage_is_removed_and_only_that_one()
    {
        var (_, washer, _) = Laundry();
        Mark(washer, At(12, 3, 9), At(12, 3, 12), 1);
        Mark(washer, At(12, 5, 9), At(12, 5, 12), 2);

        Assert.Equal(OutageChange.Done, washer.RemoveOutage(1, At(12, 2, 10)));

        Assert.Equal(2, Assert.Single(washer.Outages).Id);
        Assert.Equal(OutageChange.NotFound, washer.RemoveOutage(1, At(12, 2, 10)));
    }

    [Fact]
    public void On_the_October_fall_back_night_back_in_service_during_the_repeated_hour_frees_the_slot_after_it()
    {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET; the 02:00 slot runs 00:00Z-02:00Z.
        var (_, washer, schedule) = Laundry(night: true);
        var day = new LocalDate(2026, 10, 25);
        Mark(washer, At(10, 25, 1), null, 1);
        var secondTwoOClock = Instant.FromUtc(2026, 10, 25, 1, 0); // 02:00 CET, the repeated hour

        washer.BackInService(secondTwoOClock);

        Assert.Equal(secondTwoOClock, Assert.Single(washer.Outages).Until);
        Assert.True(OutOfService(schedule, washer, day, 2));
        Assert.False(OutOfService(schedule, washer, day, 3));
    }

    [Fact]
    public void On_the_March_spring_forward_night_a_planned_outage_from_03_00_is_removed_and_leaves_that_slot_free()
    {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST; the 03:00 slot starts at 01:00Z.
        var (_, washer, schedule) = Laundry(night: true);
        var day = new LocalDate(2026, 3, 29);
        Mark(washer, At(3, 29, 3), null, 1);

        washer.BackInService(Instant.FromUtc(2026, 3, 29, 0, 30));

        Assert.Empty(washer.Outages);
        Assert.False(OutOfService(schedule, washer, day, 3));
    }

    [Fact]
    public void A_confirmed_booking_not_over_and_held_during_an_outage_waits_to_be_moved()
    {
        var (_, washer, _) = Laundry();
        Mark(washer, At(12, 2, 8), At(12, 2, 12), 1);
        var wash = new Interval(At(12, 2, 10), At(12, 2, 11));
        var later = new Interval(At(12, 2, 14), At(12, 2, 15));

        Assert.True(washer.Strands(BookingStatus.Confirmed, wash, At(12, 2, 9)));
        Assert.False(washer.Strands(BookingStatus.CheckedIn, wash, At(12, 2, 9)));
        Assert.False(washer.Strands(BookingStatus.Confirmed, wash, At(12, 2, 11)));
        Assert.False(washer.Strands(BookingStatus.Confirmed, later, At(12, 2, 9)));
    }
}
