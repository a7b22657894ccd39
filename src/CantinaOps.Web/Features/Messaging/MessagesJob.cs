using CantinaOps.Domain.Messaging;
using CantinaOps.Web.Features.Messaging;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>Every minute: plan the reminders and notices that are due, then send what is due.</summary>
public sealed class MessagesJob(DispatchPlanner planner, DispatchSender sender, CantinaOps.Web.Data.CantinaOpsDb db, IConfiguration configuration)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var site = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Sites), cancellationToken);
        var settings = site is null
            ? Settings(configuration)
            : ReminderSettings.Default with
            {
                EveningAt = site.ReminderEveningAt,
                HoursBefore = NodaTime.Duration.FromHours(site.ReminderHoursBefore),
                PartnerDaysBefore = site.ReminderPartnerDaysBefore,
            };
        await planner.PlanAsync(settings, cancellationToken);
        await sender.DrainAsync(configuration.GetValue("Messaging:Parallelism", 8), cancellationToken);
    }

    /// <summary>The defaults from configuration, for a database without a site yet.</summary>
    public static ReminderSettings Settings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Messaging:Reminders");
        var defaults = ReminderSettings.Default;
        return defaults with
        {
            EveningAt = TimeOf(section["EveningAt"]) ?? defaults.EveningAt,
            HoursBefore = NodaTime.Duration.FromHours(section.GetValue("HoursBefore", defaults.HoursBefore.TotalHours)),
            PartnerDaysBefore = section.GetValue("PartnerDaysBefore", defaults.PartnerDaysBefore),
        };
    }

    private static NodaTime.LocalTime? TimeOf(string? text) =>
        text is not null && NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(text) is { Success: true } t ? t.Value : null;
}
