using NodaTime;

namespace CantinaOps.Web.Data;

/// <summary>
/// A private calendar subscription URL for a partner or a household. Only the token's SHA-256 is kept;
/// revoking it makes the URL answer 404, and a new URL can be made.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
        TokenHash = string.Empty;
    }

    public CalendarFeed(int? partnerId, int? householdId, string tokenHash, Instant now)
    {
        PartnerId = partnerId;
        HouseholdId = householdId;
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int? PartnerId { get; private set; }
    public int? HouseholdId { get; private set; }
    public string TokenHash { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? RevokedAt { get; private set; }

    public void Revoke(Instant now) => RevokedAt ??= now;
}
