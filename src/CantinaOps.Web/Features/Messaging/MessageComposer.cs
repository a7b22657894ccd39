using System.Globalization;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>Writes a message in the recipient's language, from the same translations as the pages.</summary>
public sealed class MessageComposer(IStringLocalizer<SharedResource> l)
{
    public sealed record About(ResourceKind Kind, string Resource, ZonedDateTime Start, string? Detail);

    public (string Subject, string Text) Compose(string topic, string language, About about, string? link)
    {
        var culture = Infrastructure.Localization.Culture(language);
        using var _ = Infrastructure.Localization.Use(culture);
        var what = l[$"Msg.What.{about.Kind}"].Value;
        var day = about.Start.LocalDateTime.ToDateTimeUnspecified().ToString("dddd d MMMM", culture);
        var time = about.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
        var key = topic switch
        {
            "reminder-evening" or "reminder-hours" => "Msg.Reminder",
            "reminder-days" => "Msg.PartnerReminder",
            _ when topic.StartsWith("notice-", StringComparison.Ordinal) => $"Msg.{topic["notice-".Length..]}",
            _ => "Msg.Reminder",
        };
        var text = l[key, what, day, time, about.Resource, about.Detail ?? string.Empty].Value;
        if (link is not null && key is "Msg.Reminder")
        {
            text += " " + l["Msg.CancelLink", link].Value;
        }

        return (l["Msg.Subject"].Value, text);
    }

    public static string TopicOf(NoticeKind kind) => $"notice-{kind}";
}
