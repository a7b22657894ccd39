using NodaTime;

namespace CantinaOps.Domain.Households;

/// <summary>
/// A family known to the site by a pseudonymous code. Only what is needed to reach it is kept:
/// no surname is required, and wall plans show the code, never the display name.
/// </summary>
public sealed class Household
{
    private Household()
    {
        Code = string.Empty;
        Language = Languages.Default;
        SecurityStamp = string.Empty;
    }

    public Household(string code, int size, string language, Instant createdAt,
        string? displayName = null, string? phone = null, string? hotel = null)
    {
        if (!HouseholdCode.IsWellFormed(code))
        {
            throw new ArgumentException($"'{code}' is not a household code.", nameof(code));
        }

        Code = code;
        Language = Languages.Default;
        CreatedAt = createdAt;
        IsActive = true;
        SecurityStamp = NewStamp();
        Update(size, language, displayName, phone, hotel);
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string? DisplayName { get; private set; }
    public int Size { get; private set; }

    /// <summary>A BCP 47 tag from <see cref="Languages.Supported"/>.</summary>
    public string Language { get; private set; }

    /// <summary>E.164 form when present (normalised by the caller).</summary>
    public string? Phone { get; private set; }
    public string? Hotel { get; private set; }

    /// <summary>Name, hotel and phone as the desk's search compares them (<see cref="HouseholdSearch"/>), kept in step by every change.</summary>
    public string? SearchText { get; private set; }

    public bool IsActive { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>
    /// Carried by the family's sign-in and compared on every request: it changes whenever the family's
    /// way in is withdrawn (a new PIN, deactivation, merge, anonymisation), which ends every open session.
    /// </summary>
    public string SecurityStamp { get; private set; }

    /// <summary>Ends the sessions signed in until now (a phone left in another room keeps no access).</summary>
    public void EndSessions() => SecurityStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public void Update(int size, string language, string? displayName, string? phone, string? hotel)
    {
        if (size is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "A household has between 1 and 30 people.");
        }

        if (!Languages.IsSupported(language))
        {
            throw new ArgumentException($"Language '{language}' is not offered.", nameof(language));
        }

        Size = size;
        Language = language;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Hotel = string.IsNullOrWhiteSpace(hotel) ? null : hotel.Trim();
        RefreshSearchText();
    }

    /// <summary>Recomputes <see cref="SearchText"/> (records saved before it existed get it at start).</summary>
    public void RefreshSearchText() => SearchText = HouseholdSearch.TextOf(DisplayName, Hotel, Phone);

    /// <summary>Set when this record was a duplicate merged into another household.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>After too many no-shows the family cannot book by itself until then (the desk still can).</summary>
    public Instant? SelfBookingPausedUntil { get; private set; }

    /// <summary>Set when personal data was erased by the retention rule; the code stays for statistics.</summary>
    public Instant? AnonymisedAt { get; private set; }

    public bool IsSelfBookingPaused(Instant now) => SelfBookingPausedUntil is { } until && now < until;

    public void PauseSelfBooking(Instant until) =>
        SelfBookingPausedUntil = SelfBookingPausedUntil is { } current && current > until ? current : until;

    public void LiftPause() => SelfBookingPausedUntil = null;

    /// <summary>Erases what could identify or reach the family; its code and size stay for the statistics.</summary>
    public void Anonymise(Instant now)
    {
        DisplayName = null;
        Phone = null;
        Hotel = null;
        SearchText = null;
        IsActive = false;
        AnonymisedAt ??= now;
        EndSessions();
    }

    public void Deactivate()
    {
        IsActive = false;
        EndSessions();
    }

    /// <summary>Marks this record as a duplicate of <paramref name="kept"/>; its bookings move there.</summary>
    public void MergeInto(Household kept)
    {
        if (kept.Id == Id)
        {
            throw new ArgumentException("A household cannot be merged into itself.", nameof(kept));
        }

        MergedIntoId = kept.Id;
        IsActive = false;
        EndSessions();
    }

    public void ChangeLanguage(string language)
    {
        if (!Languages.IsSupported(language))
        {
            throw new ArgumentException($"Language '{language}' is not offered.", nameof(language));
        }

        Language = language;
    }

    public void Reactivate() => IsActive = true;
}
