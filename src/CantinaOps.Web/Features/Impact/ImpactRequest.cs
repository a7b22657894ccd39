using System.Globalization;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Scheduling;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

public enum Grouping
{
    None,
    Week,
    Month,
}

/// <summary>A period asked for by a page or the API, checked once for both: dates in the app's window, at most three years, a known space.</summary>
public sealed record ImpactRequest(LocalDate From, LocalDate To, int? SpaceId, Grouping GroupBy)
{
    public const int MostDays = 3 * 366;

    /// <summary>Presets: this week, month, quarter or year up to its end, in the site's calendar.</summary>
    public static (LocalDate From, LocalDate To) Preset(string? preset, LocalDate today) => preset switch
    {
        "week" => (today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)), today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusDays(6)),
        "quarter" => (new LocalDate(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), new LocalDate(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).PlusMonths(3).PlusDays(-1)),
        "year" => (new LocalDate(today.Year, 1, 1), new LocalDate(today.Year, 12, 31)),
        _ => (today.With(DateAdjusters.StartOfMonth), today.With(DateAdjusters.EndOfMonth)),
    };

    /// <returns>The request, or the name of the field that is wrong and why.</returns>
    public static (ImpactRequest? Request, string? Field, string? Error) Parse(string? from, string? to, string? space, string? groupBy,
        ScheduleCache.SiteRules site)
    {
        if (DateWindow.ParseDate(from) is not { } first)
        {
            return (null, "from", "from is a date like 2026-01-01; " + DateWindow.Explain("from"));
        }

        if (DateWindow.ParseDate(to) is not { } last)
        {
            return (null, "to", "to is a date like 2026-03-31; " + DateWindow.Explain("to"));
        }

        if (last < first || Period.DaysBetween(first, last) >= MostDays)
        {
            return (null, "to", $"to is on or after from, at most {MostDays} days later.");
        }

        int? spaceId = null;
        if (!string.IsNullOrWhiteSpace(space))
        {
            spaceId = int.TryParse(space, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? site.AllSpaces.FirstOrDefault(s => s.Id == id)?.Id
                : ApiNames.SpaceKindFrom(space) is { } kind ? site.Spaces.FirstOrDefault(s => s.Kind == kind)?.Id : null;
            if (spaceId is null)
            {
                return (null, "space", "space is a space id or a kind (laundry, family-kitchen, professional-kitchen) of this site.");
            }
        }

        Grouping? grouping = groupBy switch { null or "" => Grouping.None, "week" => Grouping.Week, "month" => Grouping.Month, _ => null };
        return grouping is { } g
            ? (new ImpactRequest(first, last, spaceId, g), null, null)
            : (null, "groupBy", "groupBy is week or month.");
    }

    /// <summary>The answer's form: JSON (null) or one of the files.</summary>
    public static bool TryParseFormat(string? format, out ExportFormat? export)
    {
        export = format switch
        {
            "csv" => ExportFormat.Csv, "csv-excel-fr" => ExportFormat.CsvExcelFrench, "xlsx" => ExportFormat.Xlsx, _ => null,
        };
        return export is not null || format is null or "" or "json";
    }

    /// <summary>The period cut by week (Monday to Sunday) or calendar month, the ends clipped to the period.</summary>
    public IReadOnlyList<(LocalDate From, LocalDate To)> Groups()
    {
        var groups = new List<(LocalDate, LocalDate)>();
        var start = From;
        while (GroupBy != Grouping.None && start <= To)
        {
            var end = GroupBy == Grouping.Week ? start.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Sunday)) : start.With(DateAdjusters.EndOfMonth);
            end = end > To ? To : end;
            groups.Add((start, end));
            start = end.PlusDays(1);
        }

        return groups;
    }
}
