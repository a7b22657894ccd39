using CantinaOps.Domain.Scheduling;
using NodaTime;

namespace CantinaOps.Domain.Messaging;

public enum ReminderKind
{
    /// <summary>The evening before, at a fixed local time (18:00 by default).</summary>
    EveningBefore = 1,

    /// <summary>A few hours before the start.</summary>
    HoursBefore = 2,

    /// <summary>For partners: some days before, in the morning.</summary>
    DaysBefore = 3,
}

/// <summary>When reminders go, and the quiet hours when no message is sent (21:00–08:00 by default).</summary>
public sealed record ReminderSettings(LocalTime EveningAt, Duration HoursBefore, int PartnerDaysBefore, LocalTime PartnerAt,
    LocalTime QuietFrom, LocalTime QuietUntil)
{
    public static ReminderSettings Default { get; } = new(new LocalTime(18, 0), Duration.FromHours(2), 2, new LocalTime(10, 0),
        new LocalTime(21, 0), new LocalTime(8, 0));

    /// <summary>A reminder that would arrive later than this before the start is not worth sending.</summary>
    public Duration UsefulAtLeast { get; init; } = Duration.FromMinutes(30);
}

/// <summary>
/// The moment a reminder is due, in the site's wall-clock time so "18:00 the evening before" stays 18:00
/// across daylight-saving changes. A reminder that falls in the quiet hours is postponed to the end of
/// them (08:00), and dropped if that leaves less than half an hour before the start — families are not
/// woken at night, and a reminder after the start is useless.
/// </summary>
public static class ReminderSchedule
{
    public static Instant? DueAt(ReminderKind kind, Instant start, DateTimeZone zone, ReminderSettings settings)
    {
        var local = start.InZone(zone).LocalDateTime;
        var due = kind switch
        {
            ReminderKind.EveningBefore => zone.ToInstant(local.Date.PlusDays(-1) + settings.EveningAt),
            ReminderKind.HoursBefore => start - settings.HoursBefore,
            ReminderKind.DaysBefore => zone.ToInstant(local.Date.PlusDays(-settings.PartnerDaysBefore) + settings.PartnerAt),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var dueLocal = due.InZone(zone).LocalDateTime;
        if (InQuietHours(dueLocal.TimeOfDay, settings))
        {
            var morning = dueLocal.TimeOfDay >= settings.QuietFrom ? dueLocal.Date.PlusDays(1) : dueLocal.Date;
            due = zone.ToInstant(morning + settings.QuietUntil);
        }

        return due <= start - settings.UsefulAtLeast ? due : null;
    }

    public static bool InQuietHours(LocalTime time, ReminderSettings settings) =>
        settings.QuietFrom > settings.QuietUntil
            ? time >= settings.QuietFrom || time < settings.QuietUntil
            : time >= settings.QuietFrom && time < settings.QuietUntil;
}
