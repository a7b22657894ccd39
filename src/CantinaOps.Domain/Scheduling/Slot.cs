using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>A bookable stretch of one resource, known both by its wall-clock times and its instants.</summary>
public sealed record Slot(int ResourceId, LocalDateTime LocalStart, LocalDateTime LocalEnd, Instant Start, Instant End)
{
    public Interval Time => new(Start, End);

    public bool Overlaps(Instant start, Instant end) => Start < end && start < End;

    /// <summary>
    /// The first of a resource's places (seats) no held time overlapping this slot uses; 0 when all
    /// <paramref name="capacity"/> are taken. The one seat allocator: a new booking and a moved one alike.
    /// </summary>
    public int FreeSeat(int capacity, IEnumerable<HeldTime> held)
    {
        var taken = held.Where(h => h.ResourceId == ResourceId && Overlaps(h.Start, h.End)).Select(h => h.Seat).ToHashSet();
        return Enumerable.Range(1, capacity).FirstOrDefault(s => !taken.Contains(s));
    }
}

/// <summary>A slot and what is left of it: free places, or why it cannot be taken.</summary>
public sealed record SlotAvailability(Slot Slot, int Capacity, int Taken, bool OutOfService)
{
    public bool Free => !OutOfService && Taken < Capacity;
}

/// <summary>The time a booking holds on a resource; the only booking data availability needs.</summary>
public readonly record struct HeldTime(int ResourceId, Instant Start, Instant End, int Seat = 1);

/// <summary>What a successful check grants: the exact interval and the place (seat) to store.</summary>
/// <param name="OverQuota">Granted beyond the household's weekly quota by a coordinator's exception.</param>
public readonly record struct SlotClaim(Interval Time, int Seat, bool OverQuota = false);
