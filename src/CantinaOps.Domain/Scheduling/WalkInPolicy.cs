using CantinaOps.Domain.Bookings;
using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// The desk may give a free place of a slot that has started (or is inside the space's notice) to a family at
/// the counter until the slot's end minus <see cref="Margin"/>: most of a wash is still worth having. Families
/// booking by themselves, the waitlist and partners keep the notice.
/// </summary>
public sealed record WalkInPolicy(Duration Margin)
{
    /// <summary>Until when the desk may still take <paramref name="slot"/> for <paramref name="by"/>; null when only the notice applies.</summary>
    public Instant? Until(BookedBy by, Interval slot) =>
        by is BookedBy.Desk or BookedBy.Coordinator ? slot.End - Margin : null;
}
