using System.Text.RegularExpressions;
using CantinaOps.Domain.Sites;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Opening hours as the coordinator types them for one weekday: "09:00-12:00, 14:00-19:00" (24:00 is midnight; empty: closed).</summary>
public static partial class OpeningHoursText
{
    public static string Format(Space space, IsoDayOfWeek day) =>
        string.Join(", ", space.RangesOn(day).Select(r => $"{r.Opens:HH:mm}-{(r.Closes == LocalTime.Midnight ? "24:00" : r.Closes.ToString("HH:mm", null))}"));

    /// <exception cref="FormatException">Text that holds no range at all.</exception>
    public static List<(LocalTime, LocalTime)> Parse(string? text)
    {
        var pattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        var ranges = new List<(LocalTime, LocalTime)>();
        foreach (Match match in Range().Matches(text ?? string.Empty))
        {
            var close = match.Groups[2].Value == "24:00" ? LocalTime.Midnight : pattern.Parse(match.Groups[2].Value).GetValueOrThrow();
            ranges.Add((pattern.Parse(match.Groups[1].Value).GetValueOrThrow(), close));
        }

        if (ranges.Count == 0 && !string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"'{text}' is not like 09:00-12:00, 14:00-19:00.");
        }

        return ranges;
    }

    [GeneratedRegex(@"(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})")]
    private static partial Regex Range();
}
