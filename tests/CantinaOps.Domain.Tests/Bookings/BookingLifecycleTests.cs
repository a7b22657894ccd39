using CantinaOps.Domain.Bookings;

namespace CantinaOps.Domain.Tests.Bookings;

public class BookingLifecycleTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 8, 0);
    private static readonly Instant Before = Start - Duration.FromHours(2);

    private static Booking NewBooking() =>
        Booking.ForHousehold(1, new Interval(Start, Start + Duration.FromHours(1)), 1, 7, BookedBy.Desk, "user-1", Before);

    [Fact]
    public void A_new_booking_is_confirmed_and_holds_its_slot()
    {
        var booking = NewBooking();

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(Start, booking.HeldFrom);
        Assert.Equal(BookedBy.Desk, booking.MadeBy);
        Assert.Equal(Before, booking.CreatedAt);
    }

    [Fact]
    public void Check_in_then_complete_follows_the_lifecycle()
    {
        var booking = NewBooking();

        Assert.Null(booking.CheckIn(Start, 3));
        Assert.Null(booking.Complete(Start + Duration.FromHours(1)));
        Assert.Equal(BookingStatus.Completed, booking.Status);
        Assert.Equal(Start, booking.HeldFrom);
    }

    [Fact]
    public void Cancelling_gives_the_slot_back()
    {
        var booking = NewBooking();

        Assert.Null(booking.Cancel(Before, BookedBy.Household, Duration.FromMinutes(30)));

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Null(booking.HeldFrom);
        Assert.Equal(BookedBy.Household, booking.CancelledBy);
    }

    [Fact]
    public void A_cancelled_booking_cannot_be_checked_in_or_cancelled_again()
    {
        var booking = NewBooking();
        booking.Cancel(Before, BookedBy.Desk, Duration.Zero);

        Assert.Equal(Rule.InvalidStatusChange, booking.CheckIn(Start, 3)?.Rule);
        Assert.Equal(Rule.InvalidStatusChange, booking.Cancel(Before, BookedBy.Desk, Duration.Zero)?.Rule);
    }

    [Fact]
    public void A_no_show_is_marked_only_once_the_slot_has_started_and_frees_it()
    {
        var booking = NewBooking();

        Assert.Equal(Rule.InvalidStatusChange, booking.MarkNoShow(Before)?.Rule);
        Assert.Null(booking.MarkNoShow(Start + Duration.FromMinutes(20)));
        Assert.Equal(BookingStatus.NoShow, booking.Status);
        Assert.Null(booking.HeldFrom);
    }

    [Fact]
    public void Completing_without_check_in_is_refused()
    {
        Assert.Equal(Rule.InvalidStatusChange, NewBooking().Complete(Start)?.Rule);
    }

    [Fact]
    public void Every_change_raises_the_revision_and_records_when()
    {
        var booking = Booking.ForPartner(1, new Interval(Start, Start + Duration.FromHours(4)), 3, BookedBy.Partner, "user-2", Before, pending: true);
        var revisions = new List<int> { booking.Revision };

        booking.Approve(Before + Duration.FromMinutes(1));
        revisions.Add(booking.Revision);
        booking.MoveTo(1, new CantinaOps.Domain.Scheduling.SlotClaim(new Interval(Start + Duration.FromHours(1), Start + Duration.FromHours(5)), 1),
            Before + Duration.FromMinutes(2), BookedBy.Partner);
        revisions.Add(booking.Revision);
        booking.Cancel(Before + Duration.FromMinutes(3), BookedBy.Partner, Duration.Zero);
        revisions.Add(booking.Revision);

        Assert.Equal([0, 1, 2, 3], revisions);
        Assert.Equal(Before + Duration.FromMinutes(3), booking.LastModified);
    }

    [Fact]
    public void A_refused_change_leaves_the_revision_alone()
    {
        var booking = NewBooking();

        Assert.NotNull(booking.Approve(Before));

        Assert.Equal(0, booking.Revision);
        Assert.Equal(Before, booking.LastModified);
    }
}

public class BookingMovesAndFamilyCancellationTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 8, 0);

    private static Booking NewBooking() =>
        Booking.ForHousehold(1, new Interval(Start, Start + Duration.FromHours(1)), 1, 7, BookedBy.Household, null, Start - Duration.FromDays(1));

    [Fact]
    public void A_family_may_cancel_until_the_notice_before_the_start_and_not_after()
    {
        var notice = Duration.FromMinutes(30);

        Assert.Equal(Rule.TooLate, NewBooking().Cancel(Start - Duration.FromMinutes(29), BookedBy.Household, notice)?.Rule);
        var booking = NewBooking();
        Assert.Null(booking.Cancel(Start - Duration.FromMinutes(30), BookedBy.Household, notice));
        Assert.Equal(BookedBy.Household, booking.CancelledBy);
    }

    [Fact]
    public void A_move_changes_resource_time_and_held_slot_together()
    {
        var booking = NewBooking();
        var later = new Interval(Start + Duration.FromHours(1), Start + Duration.FromHours(2));

        Assert.Null(booking.MoveTo(2, new CantinaOps.Domain.Scheduling.SlotClaim(later, 1), Start - Duration.FromHours(3), BookedBy.Household));

        Assert.Equal(2, booking.ResourceId);
        Assert.Equal(later.Start, booking.HeldFrom);
        Assert.Equal(later.End, booking.End);
        Assert.NotNull(booking.MovedAt);
    }

    [Fact]
    public void A_checked_in_booking_cannot_be_moved()
    {
        var booking = NewBooking();
        booking.CheckIn(Start, 3);

        Assert.Equal(Rule.InvalidStatusChange, booking.MoveTo(2, new(new Interval(Start, Start + Duration.FromHours(1)), 1), Start, BookedBy.Desk)?.Rule);
    }

    [Theory]
    [InlineData(BookedBy.Partner, false)]
    [InlineData(BookedBy.Household, false)]
    [InlineData(BookedBy.Desk, true)]
    [InlineData(BookedBy.Coordinator, true)]
    public void Once_it_has_started_only_the_site_moves_a_booking(BookedBy by, bool moves)
    {
        var booking = NewBooking();
        var later = new Interval(Start + Duration.FromHours(2), Start + Duration.FromHours(3));

        var refusal = booking.MoveTo(2, new CantinaOps.Domain.Scheduling.SlotClaim(later, 1), Start + Duration.FromMinutes(10), by);

        Assert.Equal(moves ? null : Rule.TooLate, refusal?.Rule);
        Assert.Equal(moves ? later.Start : Start, booking.Start);
    }
}
