using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using NodaTime.Extensions;

namespace CantinaOps.Domain.Tests.Scheduling;

public class SlotsTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    [Fact]
    public void An_ordinary_day_has_one_slot_per_hour_in_each_opening_range()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));

        var slots = schedule.SlotsOn(site.Resource("Washer 1"), new LocalDate(2026, 12, 1)).ToList();

        Assert.Equal(["09:00", "10:00", "11:00", "14:00", "15:00", "16:00", "17:00"],
            slots.Select(s => s.LocalStart.TimeOfDay.ToString("HH:mm", null)));
        Assert.All(slots, s => Assert.Equal(Duration.FromHours(1), s.End - s.Start));
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 8, 0), slots[0].Start);
    }

    [Fact]
    public void On_the_spring_forward_day_the_skipped_hour_has_no_slot()
    {
        var site = new SiteBuilder().WithNightLaundry().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));

        var night = schedule.SlotsOn(site.Resource("Washer 1"), new LocalDate(2026, 3, 29))
            .Where(s => s.LocalStart.Hour < 6).ToList();

        Assert.Equal([0, 1, 3, 4, 5], night.Select(s => s.LocalStart.Hour));
        Assert.Equal(Instant.FromUtc(2026, 3, 28, 23, 0), night[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), night[2].Start); // 03:00 CEST
        AssertTiled(night);
    }

    [Fact]
    public void On_the_fall_back_day_the_repeated_hour_is_offered_once_and_nothing_is_lost()
    {
        var site = new SiteBuilder().WithNightLaundry().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));

        var night = schedule.SlotsOn(site.Resource("Washer 1"), new LocalDate(2026, 10, 25))
            .Where(s => s.LocalStart.Hour < 6).ToList();

        Assert.Equal([0, 1, 2, 3, 4, 5], night.Select(s => s.LocalStart.Hour));
        var twoOClock = night[2];
        Assert.Equal(Offset.FromHours(2), twoOClock.Start.InZone(Paris).Offset);
        // The 02:00 slot spans both occurrences of 02:00-03:00, so the timeline stays covered once.
        Assert.Equal(Duration.FromHours(2), twoOClock.End - twoOClock.Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 24, 22, 0), night[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 5, 0), night[^1].End);
        AssertTiled(night);
    }

    [Fact]
    public void Slots_after_a_daylight_saving_change_keep_their_wall_clock_times()
    {
        var site = new SiteBuilder().Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));
        var washer = site.Resource("Washer 1");

        var saturday = schedule.SlotsOn(washer, new LocalDate(2026, 10, 24)).First();
        var sunday = schedule.SlotsOn(washer, new LocalDate(2026, 10, 25)).First(s => s.LocalStart.Hour == 9);

        Assert.Equal(Instant.FromUtc(2026, 10, 24, 7, 0), saturday.Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 8, 0), sunday.Start);
    }

    [Fact]
    public void A_closed_day_has_no_slots_and_other_days_are_untouched()
    {
        var christmas = new LocalDate(2026, 12, 25);
        var site = new SiteBuilder().WithClosure(christmas, christmas, "Noël").Build();
        var schedule = new SpaceSchedule(site.Space(SpaceKind.Laundry));

        Assert.Empty(schedule.SlotsOn(site.Resource("Washer 1"), christmas));
        Assert.NotEmpty(schedule.SlotsOn(site.Resource("Washer 1"), christmas.PlusDays(1)));
    }

    [Fact]
    public void A_closure_of_one_space_leaves_the_others_open()
    {
        var site = new SiteBuilder().Build();
        var day = new LocalDate(2026, 12, 2);
        site.AddClosure(day, day, "Plumbing", site.Space(SpaceKind.Laundry));

        Assert.Empty(new SpaceSchedule(site.Space(SpaceKind.Laundry)).SlotsOn(site.Resource("Washer 1"), day));
        Assert.NotEmpty(new SpaceSchedule(site.Space(SpaceKind.FamilyKitchen)).SlotsOn(site.Resource("Station 1"), day));
    }

    [Fact]
    public void A_retired_resource_offers_no_slot()
    {
        var site = new SiteBuilder().Build();
        var washer = site.Resource("Washer 2");
        washer.Retire();

        Assert.Empty(new SpaceSchedule(site.Space(SpaceKind.Laundry)).SlotsOn(washer, new LocalDate(2026, 12, 1)));
    }

    [Fact]
    public void A_range_closing_at_midnight_offers_its_last_slot()
    {
        var site = new SiteBuilder().Build();
        var sunday = new LocalDate(2026, 11, 29);

        var last = new SpaceSchedule(site.Space(SpaceKind.Laundry)).SlotsOn(site.Resource("Washer 1"), sunday).Last();

        Assert.Equal(new LocalTime(23, 0), last.LocalStart.TimeOfDay);
        Assert.Equal(sunday.PlusDays(1).AtMidnight(), last.LocalEnd);
    }

    private static void AssertTiled(List<Slot> slots)
    {
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.True(slots[i - 1].End <= slots[i].Start, $"slot {i - 1} overlaps slot {i}");
        }

        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
    }
}
