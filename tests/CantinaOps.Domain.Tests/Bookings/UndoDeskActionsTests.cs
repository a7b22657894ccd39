using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Domain.Tests.Bookings;

public class UndoDeskActionsTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 8, 0);
    private static readonly Interval Slot = new(Start, Start + Duration.FromHours(1));
    private static readonly Instant Booked = Start - Duration.FromDays(1);

    private static Booking Confirmed(int seat = 2) => Booking.ForHousehold(1, Slot, seat, 7, BookedBy.Desk, null, Booked);

    [Fact]
    public void An_arrival_taken_back_leaves_nothing_of_the_check_in()
    {
        var booking = Confirmed();
        booking.CheckIn(Start - Duration.FromMinutes(5), 4);

        Assert.Null(booking.UndoCheckIn(Start));

        Assert.Equal((BookingStatus.Confirmed, (Instant?)Start, 2), (booking.Status, booking.HeldFrom, booking.Seat));
        Assert.Null(booking.CheckedInAt);
        Assert.Null(booking.PeopleServed);
    }

    [Fact]
    public void A_completion_taken_back_is_under_way_again_with_its_arrival()
    {
        var booking = Confirmed();
        booking.CheckIn(Start, 4);
        booking.Complete(Start + Duration.FromMinutes(50));

        Assert.Null(booking.UndoComplete(Start + Duration.FromMinutes(55)));

        Assert.Equal((BookingStatus.CheckedIn, (Instant?)Start, 4), (booking.Status, booking.CheckedInAt, booking.PeopleServed));
        Assert.Null(booking.CompletedAt);
    }

    [Fact]
    public void An_undo_is_refused_after_its_window()
    {
        var arrived = Confirmed();
        arrived.CheckIn(Start, 4);
        Assert.Equal(Rule.TooLate, arrived.UndoCheckIn(Start + Booking.UndoWindow + Duration.FromSeconds(1))?.Rule);
        Assert.Equal(BookingStatus.CheckedIn, arrived.Status);

        var cancelled = Confirmed();
        cancelled.Cancel(Slot.End - Duration.FromMinutes(5), BookedBy.Coordinator, Duration.Zero, "wrong row");
        Assert.Equal(Rule.TooLate, cancelled.UndoCancel(Slot.End, [])?.Rule); // within the window, but the slot is over
        Assert.Equal(Rule.InvalidStatusChange, Confirmed().UndoCheckIn(Start)?.Rule);
        Assert.Equal(Rule.InvalidStatusChange, Confirmed().UndoCancel(Start, [])?.Rule);
    }

    [Fact]
    public void A_cancellation_taken_back_holds_the_same_place_unless_someone_took_it()
    {
        var booking = Confirmed();
        booking.Cancel(Booked, BookedBy.Desk, Duration.Zero, "by mistake");
        Assert.Equal(Rule.SlotTaken, booking.UndoCancel(Booked + Duration.FromMinutes(1), [new HeldTime(1, Slot.Start, Slot.End, 2)])?.Rule);

        Assert.Null(booking.UndoCancel(Booked + Duration.FromMinutes(1), [new HeldTime(1, Slot.Start, Slot.End, 1)]));

        Assert.Equal((BookingStatus.Confirmed, (Instant?)Start, 2), (booking.Status, booking.HeldFrom, booking.Seat));
        Assert.Null(booking.CancelledAt);
        Assert.Null(booking.CancelledBy);
        Assert.Null(booking.Note);
    }

    [Fact]
    public void A_cancellation_taken_back_needs_room_in_the_households_week()
    {
        var booking = Confirmed();
        booking.Cancel(Booked, BookedBy.Desk, Duration.Zero, "by mistake");

        var full = booking.UndoCancel(Booked + Duration.FromMinutes(1), [], new QuotaCheck(2, 2, Exceeded: true));

        Assert.Equal((Rule.QuotaReached, "undo-quota"), (full?.Rule, full?.Reason));
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Null(booking.UndoCancel(Booked + Duration.FromMinutes(1), [], new QuotaCheck(1, 2, Exceeded: false)));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
    }

    [Fact]
    public void A_cancelled_request_taken_back_is_pending_again()
    {
        var request = Booking.ForPartner(1, Slot, 3, BookedBy.Partner, null, Booked, pending: true);
        request.Cancel(Booked, BookedBy.Coordinator, Duration.Zero);

        Assert.Null(request.UndoCancel(Booked + Duration.FromMinutes(2), []));

        Assert.Equal(BookingStatus.Pending, request.Status);
    }

    [Fact]
    public void A_notice_that_an_undo_made_untrue_is_no_longer_true()
    {
        Assert.True(Notice.StillTrue(NoticeKind.NoShowWarning, BookingStatus.NoShow));
        Assert.False(Notice.StillTrue(NoticeKind.NoShowWarning, BookingStatus.Confirmed));
        Assert.False(Notice.StillTrue(NoticeKind.BookingCancelledBySite, BookingStatus.Confirmed));
        Assert.True(Notice.StillTrue(NoticeKind.BookingMoved, BookingStatus.Confirmed));
    }
}
