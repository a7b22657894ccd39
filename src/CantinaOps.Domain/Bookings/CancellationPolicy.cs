using NodaTime;

namespace CantinaOps.Domain.Bookings;

/// <summary>
/// Who may cancel a booking, and until when. A family cancels by itself until the space's notice before
/// the start, so a freed slot can still be used; the desk until the start (after it, an absence is marked
/// instead); a partner until the start of its block; a coordinator at any time, but a session that has
/// started or happened only with a reason, because that corrects the record funders are given. Nobody
/// cancels a finished session silently.
/// </summary>
public static class CancellationPolicy
{
    public static Refusal? Refusal(Booking booking, BookedBy by, Instant now, Duration notice, string? reason)
    {
        var started = now >= booking.Start;
        return by switch
        {
            BookedBy.Household when now > booking.Start - notice =>
                Bookings.Refusal.Because(Rule.TooLate, "cancel-family-late", $"It is too late to cancel this booking yourself; please tell the desk."),
            BookedBy.Desk when started =>
                Bookings.Refusal.Because(Rule.TooLate, "cancel-desk-started", $"This booking has started: mark it absent instead, or ask a coordinator to correct it."),
            BookedBy.Partner when started =>
                Bookings.Refusal.Because(Rule.TooLate, "session-started", $"This session has started or taken place; ask the coordinator to correct it."),
            BookedBy.Coordinator when started && string.IsNullOrWhiteSpace(reason) =>
                Bookings.Refusal.Because(Rule.ReasonRequired, "reason-required", $"A session that has started or taken place is cancelled only with a reason."),
            _ => null,
        };
    }

    /// <summary>Whether a cancel button should be offered at all (the same rule, asked ahead; a reason is asked for then).</summary>
    public static bool Allows(Booking booking, BookedBy by, Instant now, Duration notice) =>
        booking.Status is BookingStatus.Confirmed or BookingStatus.Pending
        && Refusal(booking, by, now, notice, reason: null) is null or { Rule: Rule.ReasonRequired };
}
