using System.Globalization;
using CantinaOps.Domain.Impact;
using CantinaOps.Web.Features.Print;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// What the impact report prints, in the reader's language: the headline figures with the period before and
/// the year before, the chart of the period month by month with its numbers, the coordinator's text, the
/// forecast with its error, the detail tables (small cells written "&lt; 5", as in the exports) and every
/// figure's definition.
/// </summary>
public static class ImpactReportContent
{
    public static ImpactReportModel Of(ImpactView view, ImpactReport? report, string site, string space, string printedOn,
        IStringLocalizer l, CultureInfo culture)
    {
        var f = view.Current;
        string Date(NodaTime.LocalDate d) => d.ToString("d MMMM uuuu", culture);
        var blocks = new List<object>
        {
            new ReportTable(l["Impact.Table.Figures"], [l["Impact.Figure"], l["Impact.Value"], l["Impact.Previous"], l["Impact.YearBefore"]],
                [0.46, 0.18, 0.18, 0.18],
                ImpactTables.Headline.Select(h => (IReadOnlyList<string>)
                [
                    l[$"Impact.{h.Key}"].Value, ImpactTables.Show(h.Key, f, culture), ImpactTables.Show(h.Key, view.Previous, culture),
                    ImpactTables.Show(h.Key, view.YearBefore, culture),
                ]).ToList()),
            new ReportText(l["Impact.Report.Compared"], [l["Impact.Report.ComparedWith", Date(view.Previous.Period.From), Date(view.Previous.Period.To),
                Date(view.YearBefore.Period.From), Date(view.YearBefore.Period.To)]]),
        };

        if (view.Series.Count > 1)
        {
            blocks.Add(new ReportChart(l["Impact.Chart.Series"], [l["Impact.householdsServed"], l["Impact.visits"]],
                view.Series.Select(s => (s.From.ToString("MMM uu", culture), (IReadOnlyList<double>)[s.Figures.HouseholdsServed, s.Figures.Visits])).ToList()));
            blocks.Add(new ReportTable(l["Impact.Table.Series"], [l["Impact.From"], l["Impact.To"], l["Impact.householdsServed"], l["Impact.visits"], l["Impact.peopleReached"]],
                [0.2, 0.2, 0.2, 0.2, 0.2],
                view.Series.Select(s => (IReadOnlyList<string>)
                [
                    s.From.ToString("d MMM uuuu", culture), s.To.ToString("d MMM uuuu", culture), Num(s.Figures.HouseholdsServed, culture),
                    Num(s.Figures.Visits, culture), Num(s.Figures.PeopleReached, culture),
                ]).ToList()));
        }

        if (f.PeakHours() is { Count: > 0 } peaks)
        {
            blocks.Add(new ReportText(l["Impact.PeakHours"], [string.Join(" · ", peaks.Select(c => l["Impact.PeakHour",
                culture.DateTimeFormat.GetDayName((DayOfWeek)((int)c.Day % 7)), c.Hour, ImpactTables.Show(c.Rate, rate: true, culture)].Value))]));
        }

        blocks.Add(new ReportText(l["Impact.Report.Words"], string.IsNullOrWhiteSpace(report?.Text)
            ? [l["Impact.Report.NoWords"].Value]
            : report.Text.Split('\n')));

        var forecastLines = new List<string> { l["Impact.Forecast.Explained"] };
        foreach (var (forecastSpace, forecast) in view.Forecasts)
        {
            forecastLines.Add(forecast is null
                ? $"{forecastSpace.Name} : {l["Impact.NoForecast"]}"
                : $"{forecastSpace.Name} : " + l["Impact.Forecast.Chosen", l[$"Impact.Method.{forecast.Method}"], Num(forecast.Chosen.Mae, culture),
                    forecast.Chosen.Mase is { } m ? m.ToString("0.00", culture) : "—"]);
            foreach (var day in forecast?.Days.Where(d => d.OverCapacity).Take(3) ?? [])
            {
                forecastLines.Add("⚠ " + l["Impact.Alert.OverCapacity", forecastSpace.Name, day.Day.ToString("dddd d MMMM", culture), Num(day.Demand, culture), day.Capacity]);
            }
        }

        blocks.Add(new ReportText(l["Impact.Table.Forecast"], forecastLines));
        foreach (var forecastSpace in view.Forecasts.Where(x => x.Forecast is not null))
        {
            // The four coming weeks, one line each: a funder reads a week, the desk plans the days.
            var weeks = forecastSpace.Forecast!.Days.Chunk(7).Select(w => (IReadOnlyList<string>)
            [
                $"{w[0].Day.ToString("d MMM", culture)} – {w[^1].Day.ToString("d MMM", culture)}", Num(w.Sum(d => d.Demand), culture),
                Num(w.Sum(d => d.Capacity), culture),
            ]).ToList();
            blocks.Add(new ReportTable($"{l["Impact.Table.Forecast"]} — {forecastSpace.Space.Name}", [l["Impact.Day"], l["Impact.Demand"], l["Impact.Capacity"]],
                [0.5, 0.25, 0.25], weeks));
        }

        // The detail tables as the exports write them: partners, meals by kind, occupancy, unmet demand, languages.
        foreach (var table in ImpactTables.Of(view, l).Skip(1).Take(5))
        {
            var first = table.Columns.Count > 5 ? 0.22 : 0.3;
            var widths = table.Columns.Select((_, i) => i == 0 ? first : (1 - first) / (table.Columns.Count - 1)).ToList();
            // The occupancy table ends with its two rates: printed as percentages, as on the page.
            var rates = table.Name == l["Impact.Table.Occupancy"] ? new[] { table.Columns.Count - 2, table.Columns.Count - 1 } : [];
            blocks.Add(new ReportTable(table.Name, table.Columns, table.Columns.Count == 1 ? [1.0] : widths,
                table.Rows.Select(r => (IReadOnlyList<string>)r.Select((c, i) => rates.Contains(i) && c is double rate
                    ? ImpactTables.Show(rate, rate: true, culture) : Cell(c, culture)).ToList()).ToList()));
        }

        blocks.Add(new ReportText(l["Impact.Definition"], [.. ImpactTables.Headline.Select(h => $"{l[$"Impact.{h.Key}"]} — {l[$"Impact.{h.Key}.Definition"]}"),
            l["Impact.Note.OpenHours"], l["Impact.Note.Suppression"]]));

        return new ImpactReportModel(l["Impact.Report.Title"], $"{site} · {space} · {Date(f.Period.From)} – {Date(f.Period.To)}", printedOn,
            culture.TextInfo.IsRightToLeft, blocks);
    }

    private static string Num(double value, CultureInfo culture) => ImpactTables.Show(value, rate: false, culture);

    private static string Cell(object? value, CultureInfo culture) => value switch
    {
        double d => Num(d, culture),
        int i => Num(i, culture),
        _ => value?.ToString() ?? "",
    };
}
