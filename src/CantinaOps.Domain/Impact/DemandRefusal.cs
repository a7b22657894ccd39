using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>
/// A household was refused a booking because the slot was taken or its quota used up: demand the bookings
/// alone do not show. Only the space, the day and the reason are kept for the figures; the household's id
/// lets several tries of the same wish count once.
/// </summary>
public sealed class DemandRefusal
{
    private DemandRefusal()
    {
    }

    public DemandRefusal(int spaceId, LocalDate day, UnmetReason reason, int householdId, Instant at)
    {
        SpaceId = spaceId;
        Day = day;
        Reason = reason;
        HouseholdId = householdId;
        At = at;
    }

    public int Id { get; private set; }
    public int SpaceId { get; private set; }
    public LocalDate Day { get; private set; }
    public UnmetReason Reason { get; private set; }
    public int HouseholdId { get; private set; }
    public Instant At { get; private set; }
}
