using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>A booking as the figures see it: no name, no code, only what is counted.</summary>
/// <param name="People">The household's size recorded at check-in (null for partner blocks and older records).</param>
/// <param name="Notice">The space's notice, to tell a late cancellation.</param>
public sealed record BookingFact(int Id, int ResourceId, int SpaceId, SpaceKind SpaceKind, ResourceKind Kind, int? HouseholdId, int? PartnerId,
    Interval Time, BookingStatus Status, int? People, Instant? CancelledAt, Duration Notice)
{
    /// <summary>A household came: checked in, or checked in then finished.</summary>
    public bool Attended => Status is BookingStatus.CheckedIn or BookingStatus.Completed;

    /// <summary>A partner's block that held its time and has started (partners are not checked in).</summary>
    public bool SessionHeld(Instant now) => PartnerId is not null && Time.Start <= now
        && Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Completed;

    /// <summary>Held its time at the end (absences included: the slot was given to them).</summary>
    public bool Booked => Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Completed or BookingStatus.NoShow;
}

/// <summary>A household served: its current size and language, and the start of its first visit ever.</summary>
public sealed record HouseholdFact(int Id, int Size, string Language, Instant FirstVisit);

/// <summary>The meals declared for a session (one report per session, corrected in place).</summary>
public sealed record MealsFact(int BookingId, int Meals, IReadOnlyList<MealCount> ByKind);

/// <summary>Where demand went unmet: a waitlist wish never served, or a booking refused because it was full.</summary>
public enum UnmetReason
{
    WaitlistNotServed = 1,
    SlotTaken = 2,
    QuotaReached = 3,
}

/// <summary>One unmet wish of one household for one space and day (several refusals of the same wish count once).</summary>
public sealed record UnmetFact(int SpaceId, LocalDate Day, UnmetReason Reason, int HouseholdId);

/// <summary>A resource's open slots (closures and outages taken out) and the slots it lost to an outage, in time order.</summary>
public sealed record OpenTimeFact(int ResourceId, int SpaceId, string Resource, IReadOnlyList<Interval> Open, int Capacity, IReadOnlyList<Interval> Down);
