using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Bookings;

/// <summary>
/// The site's rule for absences: a booking not checked in <see cref="Grace"/> after its start is released
/// for walk-ins, and a household with <see cref="Strikes"/> absences within <see cref="Window"/> books only
/// through the desk for <see cref="Pause"/>. The same rule whether the desk marks the absence or the job does.
/// </summary>
public sealed record NoShowPolicy(Duration Grace, int Strikes, Duration Window, Duration Pause)
{
    public static NoShowPolicy Of(Site site) => new(Duration.FromMinutes(site.NoShowGraceMinutes), site.NoShowStrikes,
        Duration.FromDays(site.NoShowWindowDays), Duration.FromDays(site.NoShowPauseDays));

    /// <summary>Confirmed bookings that started at or before this are released as absences.</summary>
    public Instant ReleaseBefore(Instant now) => now - Grace;

    /// <summary>Absences since this count toward a pause.</summary>
    public Instant WindowStart(Instant now) => now - Window;

    /// <summary>Until when the household's self-booking is paused after this absence; null when it is not (or already is).</summary>
    public Instant? PauseUntil(Household household, int absencesInWindow, Instant now) =>
        Strikes > 0 && Pause > Duration.Zero && absencesInWindow >= Strikes && !household.IsSelfBookingPaused(now)
            ? now + Pause
            : null;

    /// <summary>
    /// Whether undoing an absence marked at <paramref name="absenceMarkedAt"/> lifts the household's pause: the pause
    /// began with that absence or after it, and the absences left in the window no longer reach the strikes.
    /// </summary>
    public bool UndoLiftsPause(Household household, Instant absenceMarkedAt, int absencesLeftInWindow, Instant now) =>
        household.SelfBookingPausedUntil is { } until && household.IsSelfBookingPaused(now)
        && absencesLeftInWindow < Strikes && until - Pause >= absenceMarkedAt;
}
