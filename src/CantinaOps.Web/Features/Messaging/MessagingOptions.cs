using System.ComponentModel.DataAnnotations;
using CantinaOps.Domain.Messaging;
using CantinaOps.Domain.Sites;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>
/// <c>Messaging:Reminders:*</c>: the reminder timing a new site starts with. Once the site exists its
/// coordinator's rules page is the truth (a value the coordinator chose must not be undone by a
/// deployment's file), so these keys are read when a site is created, not by each run of the job.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Messaging:Reminders";

    /// <summary>The evening before, at this local time (HH:mm).</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string EveningAt { get; set; } = "18:00";

    [Range(1, Site.MostReminderHoursBefore)]
    public int HoursBefore { get; set; } = 2;

    [Range(1, Site.MostReminderDaysBefore)]
    public int PartnerDaysBefore { get; set; } = 2;

    /// <summary>Gives a new site the configured timing (validated at start, so it parses).</summary>
    public void ApplyTo(Site site)
    {
        if (site.SetReminders(LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(EveningAt).GetValueOrThrow(), HoursBefore, PartnerDaysBefore)
            is { } error)
        {
            throw new InvalidOperationException(error.Detail);
        }
    }

    /// <summary>The site's timing (the coordinator's choice) on top of the fixed parts (quiet hours, partners' hour).</summary>
    public static ReminderSettings Of(Site site) => ReminderSettings.Default with
    {
        EveningAt = site.ReminderEveningAt,
        HoursBefore = Duration.FromHours(site.ReminderHoursBefore),
        PartnerDaysBefore = site.ReminderPartnerDaysBefore,
    };
}

/// <summary><c>Messaging:*</c> settings of the sender itself.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages one worker sends at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
