using CantinaOps.Domain.Bookings;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// A coordinator's exception to a household's weekly quota, for one booking, with the reason written down
/// (a family leaving the hotel tomorrow, a child's illness). Only a coordinator may grant one; the desk cannot.
/// </summary>
public sealed record QuotaException
{
    public const int MaxReasonLength = 300;

    private QuotaException(string reason) => Reason = reason;

    public string Reason { get; }

    /// <returns>Null when the reason is empty or too long: an exception is never granted without one.</returns>
    public static QuotaException? For(string? reason) =>
        reason?.Trim() is { Length: > 0 and <= MaxReasonLength } trimmed ? new QuotaException(trimmed) : null;

    public static bool MayGrant(BookedBy by) => by == BookedBy.Coordinator;
}
