using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class MovePlannerTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    private static Instant Local(int day, int hour) => Paris.ToInstant(new LocalDateTime(2026, 12, day, hour, 0));

    private static Interval Hour(int day, int hour, int hours = 1) => new(Local(day, hour), Local(day, hour + hours));

    [Fact]
    public void Households_of_a_broken_washer_are_each_offered_a_different_slot_in_the_order_of_their_bookings()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var washer1 = site.Resource("Washer 1");
        var washer2 = site.Resource("Washer 2");
        washer1.MarkOutOfService(Local(2, 0), null, "Fuite");
        // Washer 2 is free only at 11:00 on the 2nd: taken one at a time, all three would be offered it.
        var held = new List<HeldTime>();
        foreach (var hour in new[] { 9, 10, 14, 15, 16, 17 })
        {
            held.Add(new HeldTime(washer2.Id, Local(2, hour), Local(2, hour + 1)));
        }

        var stranded = new[] { new Stranded(30, washer1.Id, Hour(2, 11)), new Stranded(10, washer1.Id, Hour(2, 9)), new Stranded(20, washer1.Id, Hour(2, 10)) };
        Assert.All(stranded, s => Assert.Equal(Local(2, 11), schedule.NearestAlternative(washer1,
            new Slot(washer1.Id, s.Time.Start.InZone(Paris).LocalDateTime, s.Time.End.InZone(Paris).LocalDateTime, s.Time.Start, s.Time.End), Now, held)?.Start));

        var plan = schedule.PlanMoves(stranded, Now, held);

        Assert.Equal([10, 20, 30], plan.Select(p => p.BookingId));
        Assert.Equal(Local(2, 11), plan[0].To?.Start);
        Assert.Equal(washer2.Id, plan[0].To?.ResourceId);
        Assert.All(plan, p => Assert.NotNull(p.To));
        Assert.Equal(3, plan.Select(p => (p.To!.ResourceId, p.To.Start)).Distinct().Count());
        Assert.All(plan, p => Assert.Equal(washer2.Id, p.To!.ResourceId));
        Assert.Equal(Local(3, 9), plan[1].To?.Start); // the next free washer hour: 09:00 the day after
        Assert.Equal(Local(3, 10), plan[2].To?.Start);
    }

    [Fact]
    public void A_shared_table_takes_as_many_moved_bookings_as_it_has_places()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.FamilyKitchen));
        var station = site.Resource("Station 1");
        var table = site.Resource("Table"); // capacity 2
        station.MarkOutOfService(Local(2, 0), Local(3, 0), "Plaque");
        var stranded = new[] { new Stranded(1, station.Id, Hour(2, 12, 2)), new Stranded(2, station.Id, Hour(2, 12, 2)), new Stranded(3, station.Id, Hour(2, 12, 2)) };

        var plan = schedule.PlanMoves(stranded, Now, []);

        Assert.Equal((table.Id, Local(2, 12), 1), (plan[0].To!.ResourceId, plan[0].To!.Start, plan[0].Seat));
        Assert.Equal((table.Id, Local(2, 12), 2), (plan[1].To!.ResourceId, plan[1].To!.Start, plan[1].Seat));
        Assert.NotEqual(Local(2, 12), plan[2].To!.Start);
    }

    [Fact]
    public void A_booking_with_no_free_equivalent_is_planned_nowhere()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var dryer = site.Resource("Dryer 1");
        dryer.MarkOutOfService(Local(2, 0), null, "Tambour");

        var plan = schedule.PlanMoves([new Stranded(1, dryer.Id, Hour(2, 10))], Now, []);

        Assert.Null(Assert.Single(plan).To);
        Assert.Equal(0, plan[0].Seat);
    }
}
