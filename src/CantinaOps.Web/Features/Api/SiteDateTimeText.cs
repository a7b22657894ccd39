using CantinaOps.Domain.Scheduling;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Api;

/// <summary>
/// The API speaks the site's wall-clock time: <c>2026-12-01T09:00</c>. Where a local time happens twice
/// (the October fall-back) the offset is added on output, and may be given on input:
/// <c>2026-10-25T02:30+01:00</c>.
/// </summary>
public static partial class SiteDateTimeText
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTimePattern Seconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH':'mm");

    public static string Format(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        var local = Minutes.Format(zoned.LocalDateTime);
        return zone.MapLocal(zoned.LocalDateTime).Count > 1 ? local + OffsetText.Format(zoned.Offset) : local;
    }

    /// <summary>Reads a local date-time with an optional offset; null when the text is malformed or outside the app's date window.</summary>
    public static (LocalDateTime Local, Offset? Offset)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var localText = match.Groups["local"].Value;
        var local = (localText.Length == 16 ? Minutes : Seconds).Parse(localText);
        if (!local.Success || !DateWindow.Contains(local.Value))
        {
            return null;
        }

        var offsetText = match.Groups["offset"].Value;
        if (offsetText.Length == 0)
        {
            return (local.Value, null);
        }

        if (offsetText == "Z")
        {
            return (local.Value, Offset.Zero);
        }

        var offset = OffsetText.Parse(offsetText);
        return offset.Success ? (local.Value, offset.Value) : null;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)(?<offset>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex Shape();
}
