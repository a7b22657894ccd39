using System.Globalization;
using CantinaOps.Domain.Impact;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>One table of the figures, as the page shows it and the exports write it (one sheet per table).</summary>
public sealed record ImpactTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The figures as tables, headed in the reader's language. Counts of households in a breakdown below five are
/// written "&lt; 5" (small-cell suppression), so no family can be recognised from an export.
/// </summary>
public static class ImpactTables
{
    public const string Suppressed = "< 5";

    /// <summary>The headline figures in a fixed order, with their stable API names.</summary>
    public static IReadOnlyList<(string Key, Func<ImpactFigures, double?> Value)> Headline { get; } =
    [
        ("householdsServed", f => f.HouseholdsServed),
        ("peopleReached", f => f.PeopleReached),
        ("newHouseholds", f => f.NewHouseholds),
        ("visits", f => f.Visits),
        ("laundryCycles", f => f.Washes),
        ("dries", f => f.Dries),
        ("cookingSessions", f => f.CookingSessions),
        ("partnerSessions", f => f.PartnerSessions),
        ("kitchenHours", f => Math.Round(f.KitchenHours, 1)),
        ("meals", f => f.Meals),
        ("noShows", f => f.NoShows),
        ("noShowRate", f => f.NoShowRate is { } r ? Math.Round(r, 3) : null),
        ("lateCancellations", f => f.LateCancellations),
        ("unmetDemand", f => f.UnmetDemand),
        ("occupancy", f => f.Occupancy.BookedRate is { } r ? Math.Round(r, 3) : null),
        ("usedOccupancy", f => f.Occupancy.UsedRate is { } r ? Math.Round(r, 3) : null),
        ("downtimeHours", f => Math.Round(f.Occupancy.DowntimeHours, 1)),
    ];

    /// <summary>The headline figures that are shares, shown as percentages.</summary>
    public static bool IsRate(string key) => key is "noShowRate" or "occupancy" or "usedOccupancy";

    /// <summary>A headline figure as the page and the report print it: a percentage, a whole number or one decimal, "—" when none.</summary>
    public static string Show(string key, ImpactFigures figures, CultureInfo culture) =>
        Show(Headline.Single(h => h.Key == key).Value(figures), IsRate(key), culture);

    public static string Show(double? value, bool rate, CultureInfo culture) => value switch
    {
        null => "—",
        { } r when rate => r.ToString("P0", culture),
        { } x => x.ToString(x % 1 == 0 ? "N0" : "N1", culture),
    };

    public static IReadOnlyList<ImpactTable> Of(ImpactView view, IStringLocalizer l)
    {
        var (f, p, y) = (view.Current, view.Previous, view.YearBefore);
        var tables = new List<ImpactTable>
        {
            new(l["Impact.Table.Figures"], [l["Impact.Figure"], l["Impact.Value"], l["Impact.Previous"], l["Impact.YearBefore"], l["Impact.Definition"]],
                Headline.Select(h => new object?[] { l[$"Impact.{h.Key}"].Value, h.Value(f), h.Value(p), h.Value(y), l[$"Impact.{h.Key}.Definition"].Value })
                    .ToList()),
            new(l["Impact.Table.Partners"], [l["Impact.Partner"], l["Impact.partnerSessions"], l["Impact.kitchenHours"], l["Impact.meals"]],
                f.Partners.Select(x => new object?[] { view.PartnerNames.GetValueOrDefault(x.PartnerId, $"#{x.PartnerId}"), x.Sessions,
                    Math.Round(x.Hours, 1), x.Meals }).ToList()),
            new(l["Impact.Table.MealsByKind"], [l["Impact.Kind"], l["Impact.meals"]],
                f.MealsByKind.Select(k => new object?[] { k.Kind, k.Count }).ToList()),
            new(l["Impact.Table.Occupancy"], [l["Impact.Resource"], l["Impact.OpenHours"], l["Impact.BookedHours"], l["Impact.UsedHours"],
                    l["Impact.downtimeHours"], l["Impact.occupancy"], l["Impact.usedOccupancy"]],
                f.Resources.Select(r => new object?[] { r.Resource, Math.Round(r.Occupancy.OpenHours, 1), Math.Round(r.Occupancy.BookedHours, 1),
                    Math.Round(r.Occupancy.UsedHours, 1), Math.Round(r.Occupancy.DowntimeHours, 1), Rate(r.Occupancy.BookedRate),
                    Rate(r.Occupancy.UsedRate) }).ToList()),
            new(l["Impact.Table.Unmet"], [l["Impact.Reason"], l["Impact.Wishes"]],
            [
                [l["Impact.Unmet.Waitlist"].Value, f.UnmetWaitlist], [l["Impact.Unmet.Full"].Value, f.UnmetFull],
                [l["Impact.Unmet.Quota"].Value, f.UnmetQuota],
            ]),
            new(l["Impact.Table.Languages"], [l["Impact.Language"], l["Impact.householdsServed"]],
                f.Languages.Select(x => new object?[] { x.Language, ImpactFigures.Suppressed(x.Households) is { } n ? n : Suppressed }).ToList()),
            new(l["Impact.Table.Forecast"], [l["Impact.Space"], l["Impact.Day"], l["Impact.Demand"], l["Impact.Capacity"], l["Impact.Method"], l["Impact.Mae"], l["Impact.Mase"]],
                view.Forecasts.Where(x => x.Forecast is not null).SelectMany(x => x.Forecast!.Days.Select(d => new object?[]
                {
                    x.Space.Name, d.Day, d.Demand, d.Capacity, l[$"Impact.Method.{x.Forecast.Method}"].Value, Math.Round(x.Forecast.Chosen.Mae, 2),
                    x.Forecast.Chosen.Mase is { } m ? Math.Round(m, 2) : null,
                })).ToList()),
        };
        return tables;
    }

    /// <summary>The headline figures per week or month of the period, one row each.</summary>
    public static ImpactTable Series(IReadOnlyList<(LocalDate From, LocalDate To, ImpactFigures Figures)> series, IStringLocalizer l) =>
        new(l["Impact.Table.Series"], [l["Impact.From"], l["Impact.To"], .. Headline.Select(h => l[$"Impact.{h.Key}"].Value)],
            series.Select(s => new object?[] { s.From, s.To }.Concat(Headline.Select(h => (object?)h.Value(s.Figures))).ToArray()).ToList());

    private static double? Rate(double? rate) => rate is { } r ? Math.Round(r, 3) : null;

    /// <summary>A cell as text for CSV: numbers in the given culture, dates as ISO.</summary>
    public static string Text(object? value, CultureInfo culture) => value switch
    {
        null => "",
        LocalDate d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        IFormattable n => n.ToString(null, culture),
        _ => value.ToString() ?? "",
    };
}
