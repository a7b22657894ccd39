using NodaTime;

namespace CantinaOps.Domain.Bookings;

/// <summary>A household's wish for a slot in a space on a day that was full when it asked.</summary>
public sealed class WaitlistEntry
{
    private WaitlistEntry()
    {
    }

    public WaitlistEntry(int householdId, int spaceId, LocalDate day, Instant now)
    {
        HouseholdId = householdId;
        SpaceId = spaceId;
        Day = day;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int HouseholdId { get; private set; }
    public int SpaceId { get; private set; }
    public LocalDate Day { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Set when the wish is withdrawn or met; the entry stays for the waitlist's history.</summary>
    public Instant? ClosedAt { get; private set; }

    public void Close(Instant now) => ClosedAt ??= now;
}
