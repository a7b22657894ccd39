using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Domain.Tests.Bookings;

public class UndoNoShowTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 2, 8, 0);
    private static readonly Interval Slot = new(Start, Start + Duration.FromHours(1));

    private static Booking Absent()
    {
        var booking = Booking.ForHousehold(1, Slot, 2, 7, BookedBy.Desk, null, Start - Duration.FromDays(1));
        booking.MarkNoShow(Start + Duration.FromMinutes(20));
        return booking;
    }

    [Fact]
    public void An_undone_absence_holds_its_slot_and_place_again()
    {
        var booking = Absent();

        Assert.Null(booking.UndoNoShow(Start + Duration.FromMinutes(25), [new HeldTime(1, Slot.Start, Slot.End, 1)]));

        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(Start, booking.HeldFrom);
        Assert.Equal(2, booking.Seat);
        Assert.Equal(Start + Duration.FromMinutes(25), booking.NoShowUndoneAt);
    }

    [Fact]
    public void An_absence_is_not_undone_once_its_place_is_taken_or_its_slot_is_over()
    {
        Assert.Equal(Rule.SlotTaken, Absent().UndoNoShow(Start + Duration.FromMinutes(25), [new HeldTime(1, Slot.Start, Slot.End, 2)])?.Rule);
        Assert.Equal(Rule.TooLate, Absent().UndoNoShow(Slot.End, [])?.Rule);
        var confirmed = Booking.ForHousehold(1, Slot, 1, 7, BookedBy.Desk, null, Start - Duration.FromDays(1));
        Assert.Equal(Rule.InvalidStatusChange, confirmed.UndoNoShow(Start, [])?.Rule);
    }

    [Fact]
    public void Undoing_the_absence_that_caused_a_pause_lifts_it_and_an_older_cause_keeps_it()
    {
        var policy = new NoShowPolicy(Duration.FromMinutes(20), 2, Duration.FromDays(30), Duration.FromDays(7));
        var marked = Start + Duration.FromMinutes(20);
        var household = SiteBuilder.Household();
        household.PauseSelfBooking(marked + Duration.FromDays(7));

        Assert.True(policy.UndoLiftsPause(household, marked, 1, marked + Duration.FromMinutes(5)));
        Assert.False(policy.UndoLiftsPause(household, marked, 2, marked + Duration.FromMinutes(5)));
        Assert.False(policy.UndoLiftsPause(household, marked + Duration.FromDays(1), 1, marked + Duration.FromDays(1)));
    }
}
