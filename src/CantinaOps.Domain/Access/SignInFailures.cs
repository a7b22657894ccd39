using NodaTime;

namespace CantinaOps.Domain.Access;

/// <summary>The ways in that count their failures apart: five wrong phone codes do not close the PIN.</summary>
public enum WayIn
{
    StaffPassword = 1,
    FamilyPin = 2,
    FamilyPhoneCode = 3,
}

/// <summary>
/// Failed sign-ins counted against what was typed (an e-mail, a household code, a phone number),
/// whether or not it names a real account: an unknown one locks exactly like a known one, so the
/// answer never tells which exist. 5 failures lock that way in for 15 minutes — under 500 guesses a
/// day against a million PINs. The typed key is kept only as a hash.
/// </summary>
public sealed class SignInFailures
{
    public const int MaxFailures = 5;
    public static readonly Duration LockoutTime = Duration.FromMinutes(15);

    private SignInFailures()
    {
        KeyHash = string.Empty;
    }

    public SignInFailures(WayIn way, string keyHash)
    {
        Way = way;
        KeyHash = keyHash;
    }

    public WayIn Way { get; private set; }
    public string KeyHash { get; private set; }
    public int Failures { get; private set; }
    public Instant? LockedUntil { get; private set; }
    public Instant LastFailureAt { get; private set; }

    public bool IsLockedOut(Instant now) => LockedUntil is { } until && now < until;

    /// <returns>Whether this failure locked the way in.</returns>
    public bool RecordFailure(Instant now)
    {
        LastFailureAt = now;
        Failures++;
        if (Failures < MaxFailures)
        {
            return false;
        }

        LockedUntil = now + LockoutTime;
        Failures = 0;
        return true;
    }
}
