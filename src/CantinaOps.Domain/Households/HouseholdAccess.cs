using NodaTime;

namespace CantinaOps.Domain.Households;

/// <summary>
/// How a family signs in without a password to remember: its code and a short PIN, a sign-in link
/// (printed as a QR code on its slip) or a one-time code sent to its phone. Only hashes are kept.
/// Failures are counted apart, against what was typed (<see cref="Access.SignInFailures"/>).
/// </summary>
public sealed class HouseholdAccess
{
    public static readonly Duration OneTimeCodeLifetime = Duration.FromMinutes(10);

    private HouseholdAccess()
    {
        PinHash = string.Empty;
        LinkTokenHash = string.Empty;
    }

    public HouseholdAccess(int householdId, string pinHash, string linkTokenHash)
    {
        HouseholdId = householdId;
        PinHash = pinHash;
        LinkTokenHash = linkTokenHash;
    }

    public int HouseholdId { get; private set; }
    public string PinHash { get; private set; }

    /// <summary>SHA-256 of the random token in the family's sign-in link; unique, so the link finds the household.</summary>
    public string LinkTokenHash { get; private set; }

    public string? OneTimeCodeHash { get; private set; }
    public Instant? OneTimeCodeExpires { get; private set; }

    /// <summary>Kept in clear until the SMS channel sends it, so the desk can read it to the family; erased on use.</summary>
    public string? OneTimeCodeForDesk { get; private set; }

    /// <summary>A sign-in succeeded: the one-time code, if any, is spent.</summary>
    public void RecordSuccess()
    {
        OneTimeCodeHash = null;
        OneTimeCodeExpires = null;
        OneTimeCodeForDesk = null;
    }

    public void ResetPin(string pinHash)
    {
        PinHash = pinHash;
        RecordSuccess();
    }

    public void ResetLink(string linkTokenHash) => LinkTokenHash = linkTokenHash;

    public void IssueOneTimeCode(string codeHash, string codeForDesk, Instant now)
    {
        OneTimeCodeHash = codeHash;
        OneTimeCodeForDesk = codeForDesk;
        OneTimeCodeExpires = now + OneTimeCodeLifetime;
    }

    public bool OneTimeCodeValid(Instant now) => OneTimeCodeHash is not null && OneTimeCodeExpires is { } expires && now < expires;
}
