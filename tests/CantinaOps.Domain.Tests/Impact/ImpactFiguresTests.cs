using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Impact;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Tests.Impact;

/// <summary>
/// A hand-built first quarter whose answers are worked out here by hand (in the comments), not by the code under test.
/// </summary>
public class ImpactFiguresTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 1, 12, 0);
    private const int Laundry = 1, Kitchen = 2, Pro = 3;
    private const int W1 = 10, W2 = 11, D1 = 12, Station = 20, ProKitchen = 30;
    private const int H1 = 1, H2 = 2, H3 = 3, H4 = 4, H5 = 5, H6 = 6, H7 = 7;

    private static Interval At(int month, int day, int hour, int hours = 1)
    {
        var start = Paris.AtStrictly(new LocalDateTime(2026, month, day, hour, 0)).ToInstant();
        return new Interval(start, start + Duration.FromHours(hours));
    }

    private static int _id;

    private static BookingFact Wash(int household, Interval time, BookingStatus status, int? people, int resource = W1,
        ResourceKind kind = ResourceKind.Washer, Instant? cancelledAt = null) =>
        new(++_id, resource, Laundry, SpaceKind.Laundry, kind, household, null, time, status, people, cancelledAt, Duration.FromHours(2));

    private static readonly BookingFact Block1 = new(900, ProKitchen, Pro, SpaceKind.ProfessionalKitchen, ResourceKind.ProfessionalKitchen,
        null, 1, At(3, 4, 8, 4), BookingStatus.Confirmed, null, null, Duration.Zero);

    private static readonly BookingFact Block2 = new(901, ProKitchen, Pro, SpaceKind.ProfessionalKitchen, ResourceKind.ProfessionalKitchen,
        null, 1, At(3, 31, 14, 4), BookingStatus.Confirmed, null, null, Duration.Zero);

    private static readonly BookingFact CancelledBlock = new(902, ProKitchen, Pro, SpaceKind.ProfessionalKitchen, ResourceKind.ProfessionalKitchen,
        null, 1, At(3, 25, 8, 4), BookingStatus.Cancelled, null, At(3, 20, 8).Start, Duration.Zero);

    private static readonly List<BookingFact> Bookings =
    [
        Wash(H1, At(1, 10, 10), BookingStatus.Completed, 3),                      // H1's first visit, January (size 3 then)
        Wash(H1, At(3, 3, 10), BookingStatus.Completed, 4),                       // March 3: a wash…
        Wash(H1, At(3, 3, 11), BookingStatus.Completed, 4, D1, ResourceKind.Dryer), // …and its dry: one visit; size now 4
        new(++_id, Station, Kitchen, SpaceKind.FamilyKitchen, ResourceKind.CookingStation, H2, null, At(3, 5, 14, 2),
            BookingStatus.CheckedIn, 5, null, Duration.FromHours(2)),           // H2's first visit, cooking
        Wash(H2, At(3, 29, 10), BookingStatus.Completed, 5),                      // the day clocks go forward
        Wash(H3, At(2, 2, 10), BookingStatus.Completed, 2),                       // H3, since anonymised, in February
        Wash(H1, At(3, 10, 10), BookingStatus.Cancelled, null, cancelledAt: At(3, 10, 9).Start), // within the 2 h notice: late
        Wash(H2, At(3, 12, 10), BookingStatus.Cancelled, null, cancelledAt: At(3, 9, 10).Start), // three days before: not late
        Wash(H4, At(3, 15, 10), BookingStatus.NoShow, null),
        Wash(H4, At(3, 20, 10), BookingStatus.Completed, 1, W2),
        Wash(H5, At(3, 20, 11), BookingStatus.Completed, 1, W2),
        Wash(H6, At(3, 20, 12), BookingStatus.Completed, 1, W2),
        Wash(H7, At(3, 20, 14), BookingStatus.Completed, 1, W2),
        Block1, Block2, CancelledBlock,
    ];

    private static readonly List<HouseholdFact> Households =
    [
        new(H1, 6, "ar", At(1, 10, 10).Start) /* grew to 6 since March */, new(H2, 5, "uk", At(3, 5, 14).Start),
        new(H3, 2, "fr", At(2, 2, 10).Start), // anonymised: no name left, size and language kept
        new(H4, 1, "ar", At(3, 20, 10).Start), new(H5, 1, "ar", At(3, 20, 11).Start),
        new(H6, 1, "ar", At(3, 20, 12).Start), new(H7, 1, "ar", At(3, 20, 14).Start),
    ];

    // One report per session, corrected in place: the corrected figure (100, first declared 80) is what is stored.
    private static readonly List<MealsFact> Meals = [new(900, 100, [new MealCount("Plats chauds", 60), new MealCount("Colis", 40)])];

    private static readonly List<UnmetFact> Unmet =
    [
        new(Laundry, new LocalDate(2026, 3, 10), UnmetReason.SlotTaken, H2),
        new(Laundry, new LocalDate(2026, 3, 10), UnmetReason.QuotaReached, H2), // the same wish tried again: counted once
        new(Laundry, new LocalDate(2026, 3, 11), UnmetReason.WaitlistNotServed, H3),
    ];

    private static readonly List<OpenTimeFact> Open =
    [
        new(W1, Laundry, "Lave-linge 1", [At(3, 3, 10), At(3, 3, 11), At(3, 29, 10)], 1, [At(3, 10, 10)]),
    ];

    private static ImpactFigures Figures(LocalDate from, LocalDate to) =>
        ImpactFigures.Compute(new ImpactPeriod(from, to, Paris), Now, Bookings, Households, Meals, Unmet, Open);

    private static readonly ImpactFigures March = Figures(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly ImpactFigures Quarter = Figures(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

    [Fact]
    public void Households_people_and_visits_of_a_month()
    {
        Assert.Equal(6, March.HouseholdsServed);  // H1, H2, H4, H5, H6, H7 (H4's absence alone would not count; its wash does)
        Assert.Equal(13, March.PeopleReached);    // H1 4 (size at its latest visit: not 3 before, not 6 now), H2 5, H4–H7 1 each
        Assert.Equal(5, March.NewHouseholds);     // H2, H4–H7; H1 came first in January
        Assert.Equal(7, March.Visits);            // H1 3/3 (wash + dry), H2 5/3 and 29/3, H4–H7 20/3
        Assert.Equal(6, March.Washes);
        Assert.Equal(1, March.Dries);
        Assert.Equal(1, March.CookingSessions);
    }

    [Fact]
    public void A_household_seen_in_two_months_counts_once_in_the_quarter_and_an_anonymised_one_still_counts()
    {
        Assert.Equal(7, Quarter.HouseholdsServed); // H1 (January and March) once, H3 anonymised included
        Assert.Equal(15, Quarter.PeopleReached);   // H1 4 (latest visit, March), H2 5, H3 2, H4–H7 4
        Assert.Equal(7, Quarter.NewHouseholds);
        Assert.Equal(9, Quarter.Visits);           // March's 7 + January + February
    }

    [Fact]
    public void Partner_sessions_hours_and_meals_leave_out_cancelled_blocks()
    {
        Assert.Equal(2, March.PartnerSessions);   // 4/3 and 31/3 (started before "now"); 25/3 was cancelled
        Assert.Equal(8, March.KitchenHours);
        Assert.Equal(100, March.Meals);
        var partner = Assert.Single(March.Partners);
        Assert.Equal((2, 8.0, 100), (partner.Sessions, partner.Hours, partner.Meals));
        Assert.Equal([new MealCount("Plats chauds", 60), new MealCount("Colis", 40)], March.MealsByKind);
    }

    [Fact]
    public void No_shows_late_cancellations_and_unmet_demand()
    {
        Assert.Equal(1, March.NoShows);
        Assert.Equal(1.0 / 9, March.NoShowRate!.Value, 9); // 1 absence over 8 attended + 1 absent
        Assert.Equal(1, March.LateCancellations);
        Assert.Equal((1, 0, 1), (March.UnmetFull, March.UnmetQuota, March.UnmetWaitlist));
        Assert.Equal(2, March.UnmetDemand);
    }

    [Fact]
    public void Occupancy_counts_open_hours_without_outages_and_maps_the_hour_of_a_DST_day_in_local_time()
    {
        var washer = Assert.Single(March.Resources);
        Assert.Equal(new Occupancy(3, 2, 2, 1), washer.Occupancy); // open 3 h, booked 3/3 10:00 and 29/3 10:00, 10/3 lost to the outage
        Assert.Equal(2.0 / 3, March.Occupancy.BookedRate!.Value, 9);
        var sunday = Assert.Single(March.HeatMap, c => c.Day == IsoDayOfWeek.Sunday);
        Assert.Equal((10, 1.0, 1.0), (sunday.Hour, sunday.OpenHours, sunday.BookedHours)); // 10:00 local on 29 March, 08:00 UTC
        var tuesday = March.HeatMap.Where(c => c.Day == IsoDayOfWeek.Tuesday).Select(c => (c.Hour, c.BookedHours)).ToList();
        Assert.Equal([(10, 1.0), (11, 0.0)], tuesday);
        // Both booked hours were full: the earlier in the week first; Tuesday 11:00, open but never booked, is no peak.
        Assert.Equal([(IsoDayOfWeek.Tuesday, 10), (IsoDayOfWeek.Sunday, 10)], March.PeakHours().Select(c => (c.Day, c.Hour)).ToList());
    }

    [Fact]
    public void Languages_are_counted_and_a_cell_under_five_households_is_suppressed()
    {
        Assert.Equal([("ar", 5), ("uk", 1)], March.Languages);
        Assert.Equal(5, ImpactFigures.Suppressed(5));
        Assert.Null(ImpactFigures.Suppressed(1)); // written "< 5" for funders
        Assert.Equal(0, ImpactFigures.Suppressed(0));
    }

    [Fact]
    public void The_periods_compared_are_the_days_just_before_and_the_same_dates_a_year_before()
    {
        var period = new ImpactPeriod(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), Paris);
        Assert.Equal((new LocalDate(2026, 1, 29), new LocalDate(2026, 2, 28)), (period.Previous.From, period.Previous.To));
        Assert.Equal((new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), (period.YearBefore.From, period.YearBefore.To));
        Assert.Equal(Duration.FromHours(31 * 24 - 1), period.Time.Duration); // March loses an hour to summer time
    }

    [Fact]
    public void A_quarter_added_up_from_days_counted_month_by_month_is_the_quarter_counted_at_once()
    {
        var months = new[] { (1, 31), (2, 28), (3, 31) };
        var days = months.SelectMany(m => SpaceDay.Of(Paris, new LocalDate(2026, m.Item1, 1), new LocalDate(2026, m.Item1, m.Item2), Now,
            Bookings, Meals, Unmet, Open)).ToList();
        var combined = ImpactFigures.Combine(Quarter.Period, days, Households, Open.Select(r => (r.ResourceId, r.SpaceId, r.Resource)).ToList());
        Assert.Equivalent(Quarter, combined, strict: true);
        Assert.True(combined.HouseholdsServed > 0 && combined.Meals > 0 && combined.Occupancy.OpenHours > 0);
    }
}
