using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Scheduling;

public class AvailabilityTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    [Fact]
    public void Every_slot_of_every_resource_is_listed_with_whether_it_is_free()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var nine = Paris.ToInstant(new LocalDateTime(2026, 12, 2, 9, 0));
        site.Resource("Dryer 1").MarkOutOfService(Paris.ToInstant(new LocalDateTime(2026, 12, 2, 14, 0)), null, "Broken");

        var slots = schedule.Availability(new LocalDate(2026, 12, 2), 1, [new HeldTime(1, nine, nine + Duration.FromHours(1))]);

        Assert.Equal(3 * 7, slots.Count);
        Assert.False(slots.Single(s => s.Slot.ResourceId == 1 && s.Slot.Start == nine).Free);
        Assert.True(slots.Single(s => s.Slot.ResourceId == 2 && s.Slot.Start == nine).Free);
        Assert.All(slots.Where(s => s.Slot.ResourceId == 3 && s.Slot.LocalStart.Hour >= 14), s => Assert.False(s.Free));
        Assert.All(slots.Where(s => s.Slot.ResourceId == 3 && s.Slot.LocalStart.Hour < 14), s => Assert.True(s.Free));
    }

    [Fact]
    public void A_week_spans_its_days_and_skips_closures()
    {
        var site = new SiteBuilder().WithClosure(new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 25)).Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.FamilyKitchen));

        var week = schedule.Availability(new LocalDate(2026, 12, 21), 7, []);

        Assert.Equal(6, week.Select(s => s.Slot.LocalStart.Date).Distinct().Count());
        Assert.DoesNotContain(week, s => s.Slot.LocalStart.Date == new LocalDate(2026, 12, 25));
        // Station 1 has 5 two-hour slots a day; the table has 5 slots with two places each.
        Assert.Equal(6 * 10, week.Count);
        Assert.All(week.Where(s => s.Slot.ResourceId == 5), s => Assert.Equal(2, s.Capacity));
    }
}
