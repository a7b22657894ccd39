using CantinaOps.Domain.Bookings;

namespace CantinaOps.Domain.Tests.Bookings;

public class CancellationPolicyTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 8, 0);
    private static readonly Duration Notice = Duration.FromMinutes(30);

    private static Booking Household() =>
        Booking.ForHousehold(1, new Interval(Start, Start + Duration.FromHours(1)), 1, 7, BookedBy.Household, null, Start - Duration.FromDays(2));

    private static Booking Partner() =>
        Booking.ForPartner(6, new Interval(Start, Start + Duration.FromHours(5)), 2, BookedBy.Partner, "p", Start - Duration.FromDays(20));

    public static TheoryData<BookedBy, int, string?, Rule?> Cases => new()
    {
        // who, minutes before (+) or after (-) the start, reason, expected refusal
        { BookedBy.Household, 31, null, null },
        { BookedBy.Household, 30, null, null },
        { BookedBy.Household, 29, null, Rule.TooLate },
        { BookedBy.Desk, 1, null, null },
        { BookedBy.Desk, 0, null, Rule.TooLate },
        { BookedBy.Desk, -60, null, Rule.TooLate },
        { BookedBy.Coordinator, 1, null, null },
        { BookedBy.Coordinator, -60, null, Rule.ReasonRequired },
        { BookedBy.Coordinator, -60, "  ", Rule.ReasonRequired },
        { BookedBy.Coordinator, -60 * 24, "Entered by mistake", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Who_may_cancel_a_household_booking_and_until_when(BookedBy by, int minutesBefore, string? reason, Rule? refused)
    {
        var booking = Household();

        var refusal = booking.Cancel(Start - Duration.FromMinutes(minutesBefore), by, Notice, reason);

        Assert.Equal(refused, refusal?.Rule);
        Assert.Equal(refused is null ? BookingStatus.Cancelled : BookingStatus.Confirmed, booking.Status);
    }

    [Fact]
    public void A_partner_cancels_its_block_until_it_starts_and_never_a_session_that_took_place()
    {
        Assert.Null(Partner().Cancel(Start - Duration.FromMinutes(1), BookedBy.Partner, Duration.FromHours(24)));
        var held = Partner();
        Assert.Equal(Rule.TooLate, held.Cancel(Start + Duration.FromDays(1), BookedBy.Partner, Duration.FromHours(24))?.Rule);
        Assert.Equal(BookingStatus.Confirmed, held.Status);
        Assert.Equal(Start, held.HeldFrom);
    }

    [Fact]
    public void A_coordinator_correcting_a_past_session_keeps_the_reason_with_it()
    {
        var booking = Partner();

        Assert.Null(booking.Cancel(Start + Duration.FromDays(1), BookedBy.Coordinator, Duration.FromHours(24), " Never took place "));

        Assert.Equal("Never took place", booking.Note);
        Assert.Equal(BookedBy.Coordinator, booking.CancelledBy);
    }

    [Fact]
    public void Checked_in_and_finished_bookings_are_not_cancelled_by_anyone()
    {
        var booking = Household();
        booking.CheckIn(Start, 3);

        foreach (var by in Enum.GetValues<BookedBy>())
        {
            Assert.Equal(Rule.InvalidStatusChange, booking.Cancel(Start - Duration.FromHours(2), by, Notice, "reason")?.Rule);
        }
    }

    [Fact]
    public void The_offer_to_cancel_follows_the_same_rule()
    {
        var booking = Household();

        Assert.True(CancellationPolicy.Allows(booking, BookedBy.Household, Start - Notice, Notice));
        Assert.False(CancellationPolicy.Allows(booking, BookedBy.Household, Start - Notice + Duration.FromMinutes(1), Notice));
        Assert.True(CancellationPolicy.Allows(booking, BookedBy.Coordinator, Start + Duration.FromHours(1), Notice));
    }

    [Fact]
    public void A_reason_longer_than_the_record_keeps_is_refused_and_nothing_changes()
    {
        var booking = Partner();

        Assert.Equal(Rule.ReasonRequired, booking.Cancel(Start + Duration.FromDays(1), BookedBy.Coordinator, Duration.FromHours(24),
            new string('x', Booking.MaxNoteLength + 1))?.Rule);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.Cancel(Start + Duration.FromDays(1), BookedBy.Coordinator, Duration.FromHours(24), new string('x', Booking.MaxNoteLength)));
    }
}
