using NodaTime;

namespace CantinaOps.Domain.Bookings;

public enum NoticeKind
{
    BookingMoved = 1,
    BookingCancelledBySite = 2,
    RequestApproved = 3,
    RequestDeclined = 4,
    WaitlistBooked = 5,
    NoShowWarning = 6,
}

/// <summary>
/// Something a household or partner must be told (a booking moved because a machine broke, a booking
/// cancelled by the site). Recorded when decided; sending it is the messaging jobs' work.
/// </summary>
public sealed class Notice
{
    private Notice()
    {
    }

    public Notice(NoticeKind kind, int bookingId, int? householdId, int? partnerId, Instant now)
    {
        Kind = kind;
        BookingId = bookingId;
        HouseholdId = householdId;
        PartnerId = partnerId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public NoticeKind Kind { get; private set; }
    public int BookingId { get; private set; }
    public int? HouseholdId { get; private set; }
    public int? PartnerId { get; private set; }
    public Instant CreatedAt { get; private set; }
    /// <summary>Set by the messaging when the notice has gone out.</summary>
    public Instant? DeliveredAt { get; private set; }

    /// <summary>
    /// Whether a notice of this kind still tells the truth about a booking now in <paramref name="status"/>: an absence
    /// warning after the absence was undone, or "cancelled by the site" after the cancellation was undone, must not go out.
    /// </summary>
    public static bool StillTrue(NoticeKind kind, BookingStatus status) => kind switch
    {
        NoticeKind.NoShowWarning => status == BookingStatus.NoShow,
        NoticeKind.BookingCancelledBySite => status == BookingStatus.Cancelled,
        _ => true,
    };
}
