using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests.Partners;

public class SeriesTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 2, 9, 0);

    private static (Site Site, Resource Kitchen, SpaceSchedule Schedule) ProKitchen(params (LocalDate Day, string Reason)[] closures)
    {
        var builder = new SiteBuilder();
        foreach (var (day, reason) in closures)
        {
            builder.WithClosure(day, day, reason);
        }

        var site = builder.Build();
        var kitchen = site.Resource("Pro kitchen");
        return (site, kitchen, new SpaceSchedule(kitchen.Space));
    }

    private static Agreement AllYear(Site site) =>
        new(1, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), [site.Space(SpaceKind.ProfessionalKitchen).Id]);

    [Fact]
    public void Every_tuesday_and_thursday_from_january_to_june_expands_to_each_day_once()
    {
        var series = new BookingSeries(1, 6, [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Thursday], new LocalTime(7, 30), new LocalTime(13, 0),
            new LocalDate(2026, 1, 6), new LocalDate(2026, 6, 30), Now);

        var days = series.Occurrences().Select(o => o.Day).ToList();

        Assert.Equal(26 + 25, days.Count); // 26 Tuesdays (6 Jan … 30 June) and 25 Thursdays (8 Jan … 25 June)
        Assert.Equal(new LocalDate(2026, 1, 6), days[0]);
        Assert.Equal(new LocalDate(2026, 6, 30), days[^1]);
        Assert.All(days, d => Assert.Contains(d.DayOfWeek, new[] { IsoDayOfWeek.Tuesday, IsoDayOfWeek.Thursday }));
        Assert.Equal(days.Count, days.Distinct().Count());
    }

    [Fact]
    public void Occurrences_keep_their_wall_clock_time_across_both_daylight_saving_days()
    {
        var (site, kitchen, schedule) = ProKitchen();
        var series = new BookingSeries(1, kitchen.Id, [IsoDayOfWeek.Sunday], new LocalTime(7, 30), new LocalTime(13, 0),
            new LocalDate(2026, 3, 22), new LocalDate(2026, 11, 1), Now);

        var plans = SeriesPlanner.Preview(schedule, kitchen, series, [], [AllYear(site)], Now);

        var before = plans.Single(p => p.Day == new LocalDate(2026, 3, 22));
        var spring = plans.Single(p => p.Day == new LocalDate(2026, 3, 29));
        var autumn = plans.Single(p => p.Day == new LocalDate(2026, 10, 25));
        Assert.Equal(Instant.FromUtc(2026, 3, 22, 6, 30), before.Time!.Value.Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 5, 30), spring.Time!.Value.Start);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 6, 30), autumn.Time!.Value.Start);
        Assert.Equal(Duration.FromMinutes(330), autumn.Time!.Value.Duration);
        Assert.All(plans, p => Assert.True(p.IsFree, $"{p.Day}: {p.Conflict}"));
        Assert.Equal(series.Occurrences().Count(), plans.Count);
    }

    [Fact]
    public void A_closure_inside_a_series_is_a_conflict_with_no_move_that_day()
    {
        var (site, kitchen, schedule) = ProKitchen((new LocalDate(2026, 5, 14), "Ascension"));
        var series = new BookingSeries(1, kitchen.Id, [IsoDayOfWeek.Thursday], new LocalTime(7, 30), new LocalTime(13, 0),
            new LocalDate(2026, 5, 7), new LocalDate(2026, 5, 28), Now);

        var plans = SeriesPlanner.Preview(schedule, kitchen, series, [], [AllYear(site)], Now);

        var ascension = plans.Single(p => p.Day == new LocalDate(2026, 5, 14));
        Assert.Equal(Rule.Closed, ascension.Conflict?.Rule);
        Assert.Null(ascension.MoveTo);
        Assert.Equal(3, plans.Count(p => p.IsFree));
    }

    [Fact]
    public void Another_partner_s_block_is_a_conflict_with_the_nearest_free_time_that_day_offered()
    {
        var (site, kitchen, schedule) = ProKitchen();
        var taken = new HeldTime(kitchen.Id, Paris.ToInstant(new LocalDateTime(2026, 2, 3, 8, 0)), Paris.ToInstant(new LocalDateTime(2026, 2, 3, 12, 0)));
        var series = new BookingSeries(1, kitchen.Id, [IsoDayOfWeek.Tuesday], new LocalTime(7, 30), new LocalTime(11, 0),
            new LocalDate(2026, 1, 27), new LocalDate(2026, 2, 10), Now);

        var plans = SeriesPlanner.Preview(schedule, kitchen, series, [taken], [AllYear(site)], Now);

        var clash = plans.Single(p => p.Day == new LocalDate(2026, 2, 3));
        Assert.Equal(Rule.SlotTaken, clash.Conflict?.Rule);
        Assert.Equal(Paris.ToInstant(new LocalDateTime(2026, 2, 3, 12, 0)), clash.MoveTo?.Start);
        Assert.Equal(Duration.FromMinutes(210), clash.MoveTo?.Duration);
    }

    [Fact]
    public void Days_outside_the_agreement_are_refused_naming_the_agreement()
    {
        var (site, kitchen, schedule) = ProKitchen();
        var agreement = new Agreement(1, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), [site.Space(SpaceKind.ProfessionalKitchen).Id]);
        var series = new BookingSeries(1, kitchen.Id, [IsoDayOfWeek.Monday], new LocalTime(8, 0), new LocalTime(12, 0),
            new LocalDate(2026, 3, 23), new LocalDate(2026, 4, 13), Now);

        var plans = SeriesPlanner.Preview(schedule, kitchen, series, [], [agreement], Now);

        Assert.True(plans.Single(p => p.Day == new LocalDate(2026, 3, 30)).IsFree);
        var april = plans.Single(p => p.Day == new LocalDate(2026, 4, 6));
        Assert.Equal(Rule.OutsideAgreement, april.Conflict?.Rule);
        Assert.Contains("31 Mar 2026", april.Conflict?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_covers_its_first_and_last_day_and_only_its_spaces()
    {
        var agreement = new Agreement(1, new LocalDate(2026, 1, 6), new LocalDate(2026, 6, 30), [3]);

        Assert.True(agreement.Covers(3, new LocalDate(2026, 1, 6)));
        Assert.True(agreement.Covers(3, new LocalDate(2026, 6, 30)));
        Assert.False(agreement.Covers(3, new LocalDate(2026, 7, 1)));
        Assert.False(agreement.Covers(3, new LocalDate(2026, 1, 5)));
        Assert.False(agreement.Covers(2, new LocalDate(2026, 3, 1)));
        Assert.Equal("The partner has no agreement for this space.", Agreement.Check([agreement], 2, new LocalDate(2026, 3, 1))?.Detail);
    }

    [Fact]
    public void Editing_this_and_following_splits_the_series_without_losing_or_doubling_a_day()
    {
        var series = new BookingSeries(1, 6, [IsoDayOfWeek.Tuesday], new LocalTime(7, 30), new LocalTime(13, 0),
            new LocalDate(2026, 1, 6), new LocalDate(2026, 3, 31), Now);
        var before = series.Occurrences().Select(o => o.Day).ToList();

        var following = series.SplitAt(new LocalDate(2026, 2, 17), new LocalTime(8, 0), new LocalTime(12, 0), Now);

        var after = series.Occurrences().Concat(following.Occurrences()).Select(o => o.Day).ToList();
        Assert.Equal(before, after);
        Assert.Equal(new LocalDate(2026, 2, 16), series.LastDay);
        Assert.All(following.Occurrences(), o => Assert.Equal(new LocalTime(8, 0), o.Start.TimeOfDay));
        Assert.All(series.Occurrences(), o => Assert.Equal(new LocalTime(7, 30), o.Start.TimeOfDay));
    }

    [Fact]
    public void Editing_one_occurrence_moves_only_that_booking()
    {
        var (_, kitchen, schedule) = ProKitchen();
        var day = new LocalDate(2026, 2, 10);
        var first = Booking.ForPartner(kitchen.Id, new Interval(Paris.ToInstant(day + new LocalTime(7, 30)), Paris.ToInstant(day + new LocalTime(13, 0))),
            1, BookedBy.Partner, null, Now, seriesId: 9, occurrence: day);
        var nextWeek = day.PlusWeeks(1);
        var second = Booking.ForPartner(kitchen.Id, new Interval(Paris.ToInstant(nextWeek + new LocalTime(7, 30)), Paris.ToInstant(nextWeek + new LocalTime(13, 0))),
            1, BookedBy.Partner, null, Now, seriesId: 9, occurrence: nextWeek);
        var later = schedule.CheckPartnerBlock(kitchen, Paris.ToInstant(day + new LocalTime(9, 0)), Paris.ToInstant(day + new LocalTime(14, 30)), Now, []);

        Assert.Null(first.MoveTo(kitchen.Id, later.Value, Now, BookedBy.Partner));

        Assert.Equal(Paris.ToInstant(day + new LocalTime(9, 0)), first.Start);
        Assert.Equal(Paris.ToInstant(nextWeek + new LocalTime(7, 30)), second.Start);
        Assert.Equal(day, first.OccurrenceDay);
        Assert.Equal(9, first.SeriesId);
    }

    [Fact]
    public void A_pending_request_holds_its_time_until_declined()
    {
        var block = new Interval(Instant.FromUtc(2026, 2, 10, 6, 30), Instant.FromUtc(2026, 2, 10, 12, 0));
        var request = Booking.ForPartner(6, block, 1, BookedBy.Partner, null, Now, pending: true);

        Assert.Equal(BookingStatus.Pending, request.Status);
        Assert.Equal(block.Start, request.HeldFrom);
        Assert.Null(request.Decline(Now, "Kitchen maintenance"));
        Assert.Null(request.HeldFrom);
        Assert.Equal("Kitchen maintenance", request.Note);
        Assert.Equal(Rule.InvalidStatusChange, request.Approve(Now)?.Rule);
    }
}
