using NodaTime;

namespace CantinaOps.Domain.Impact;

/// <summary>
/// The coordinator's own words for the report of one period (and space, or the whole site): kept with the
/// report so that printing it again next month gives the same text, and shown to funders with the figures.
/// </summary>
public sealed class ImpactReport
{
    /// <summary>About two printed pages: enough for context and a story, short enough to be read.</summary>
    public const int MostCharacters = 4000;

    private ImpactReport()
    {
    }

    public ImpactReport(int siteId, LocalDate from, LocalDate to, int? spaceId)
    {
        SiteId = siteId;
        From = from;
        To = to;
        SpaceId = spaceId;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }
    public int? SpaceId { get; private set; }
    public string Text { get; private set; } = "";
    public Instant? WrittenAt { get; private set; }

    /// <summary>Who wrote the text last (a staff account's e-mail; no household is ever named here).</summary>
    public string? WrittenBy { get; private set; }

    /// <returns>False, changing nothing, when the text is longer than <see cref="MostCharacters"/>.</returns>
    public bool Write(string? text, string by, Instant now)
    {
        // Windows browsers send CRLF: counted and kept as one line break, as the reader sees it.
        var cleaned = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (cleaned.Length > MostCharacters)
        {
            return false;
        }

        Text = cleaned;
        WrittenBy = by;
        WrittenAt = now;
        return true;
    }
}
