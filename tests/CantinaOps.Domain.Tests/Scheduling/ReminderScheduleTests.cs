using CantinaOps.Domain.Messaging;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Domain.Tests.Scheduling;

public class ReminderScheduleTests
{
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly ReminderSettings Settings = ReminderSettings.Default;

    private static Instant Local(int y, int m, int d, int h, int min = 0) => Paris.ToInstant(new LocalDateTime(y, m, d, h, min));

    [Fact]
    public void The_evening_reminder_is_at_18_00_local_on_both_sides_of_the_spring_change()
    {
        Assert.Equal(Instant.FromUtc(2026, 3, 28, 17, 0), ReminderSchedule.DueAt(ReminderKind.EveningBefore, Local(2026, 3, 29, 10), Paris, Settings));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 16, 0), ReminderSchedule.DueAt(ReminderKind.EveningBefore, Local(2026, 3, 30, 10), Paris, Settings));
    }

    [Fact]
    public void The_evening_reminder_is_at_18_00_local_on_both_sides_of_the_autumn_change()
    {
        Assert.Equal(Instant.FromUtc(2026, 10, 24, 16, 0), ReminderSchedule.DueAt(ReminderKind.EveningBefore, Local(2026, 10, 25, 10), Paris, Settings));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 17, 0), ReminderSchedule.DueAt(ReminderKind.EveningBefore, Local(2026, 10, 26, 10), Paris, Settings));
    }

    [Fact]
    public void Two_hours_before_an_early_slot_falls_in_the_quiet_hours_and_is_postponed_to_8_00()
    {
        Assert.Equal(Local(2026, 12, 2, 8), ReminderSchedule.DueAt(ReminderKind.HoursBefore, Local(2026, 12, 2, 9), Paris, Settings));
        Assert.Equal(Local(2026, 12, 2, 12), ReminderSchedule.DueAt(ReminderKind.HoursBefore, Local(2026, 12, 2, 14), Paris, Settings));
    }

    [Fact]
    public void A_reminder_that_would_come_too_close_to_the_start_is_dropped_rather_than_sent_at_night()
    {
        Assert.Null(ReminderSchedule.DueAt(ReminderKind.HoursBefore, Local(2026, 12, 2, 8, 15), Paris, Settings));
        Assert.Null(ReminderSchedule.DueAt(ReminderKind.HoursBefore, Local(2026, 12, 2, 1), Paris, Settings));
    }

    [Fact]
    public void A_reminder_due_late_at_night_waits_for_the_next_morning()
    {
        // A 23:30 slot: two hours before is 21:30, in the quiet hours; the next 08:00 is after the start.
        Assert.Null(ReminderSchedule.DueAt(ReminderKind.HoursBefore, Local(2026, 12, 2, 23, 30), Paris, Settings));
        var custom = Settings with { EveningAt = new LocalTime(22, 0) };
        Assert.Equal(Local(2026, 12, 2, 8), ReminderSchedule.DueAt(ReminderKind.EveningBefore, Local(2026, 12, 2, 14), Paris, custom));
    }

    [Fact]
    public void Partners_are_reminded_two_days_before_in_the_morning()
    {
        Assert.Equal(Local(2026, 12, 6, 10), ReminderSchedule.DueAt(ReminderKind.DaysBefore, Local(2026, 12, 8, 7, 30), Paris, Settings));
    }

    [Fact]
    public void No_time_of_the_quiet_hours_is_ever_returned()
    {
        for (var minutes = 0; minutes < 24 * 60 * 3; minutes += 15)
        {
            var start = Local(2026, 10, 24, 0) + Duration.FromMinutes(minutes);
            foreach (var kind in new[] { ReminderKind.EveningBefore, ReminderKind.HoursBefore, ReminderKind.DaysBefore })
            {
                if (ReminderSchedule.DueAt(kind, start, Paris, Settings) is { } due)
                {
                    Assert.False(ReminderSchedule.InQuietHours(due.InZone(Paris).TimeOfDay, Settings), $"{kind} for {start} due at {due}");
                    Assert.True(due < start);
                }
            }
        }
    }
}
