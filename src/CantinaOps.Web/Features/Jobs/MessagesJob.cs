using CantinaOps.Domain.Messaging;
using CantinaOps.Web.Features.Messaging;

namespace CantinaOps.Web.Features.Jobs;

/// <summary>Every minute: plan the reminders and notices that are due, then send what is due.</summary>
public sealed class MessagesJob(DispatchPlanner planner, DispatchSender sender, IConfiguration configuration)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await planner.PlanAsync(Settings(configuration), cancellationToken);
        await sender.DrainAsync(configuration.GetValue("Messaging:Parallelism", 8), cancellationToken);
    }

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
