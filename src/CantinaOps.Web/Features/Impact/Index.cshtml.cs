using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// The coordinator's and funders' dashboard: the figures of a period beside the period before and the
/// same period a year before, with their definitions, charts with their data, the forecast and its alerts.
/// </summary>
public sealed class IndexModel(ImpactQueries queries, ScheduleCache rules, CantinaOpsDb db, IClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Space { get; set; }
    [BindProperty(SupportsGet = true)] public string? Preset { get; set; }

    public ImpactView View { get; private set; } = null!;
    public IReadOnlyList<ImpactTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var today = clock.GetCurrentInstant().InZone(site.Zone).Date;
        if (Preset is not null || From is null || To is null)
        {
            var (first, last) = ImpactRequest.Preset(Preset, today);
            (From, To) = (Text(first), Text(last));
        }

        var (request, field, _) = ImpactRequest.Parse(From, To, Space, null, site);
        if (request is null)
        {
            // What was typed stays in the form; the figures shown are this month's.
            ModelState.AddModelError(field!, l[$"Impact.Invalid.{field}"]);
            var (first, last) = ImpactRequest.Preset(null, today);
            request = new ImpactRequest(first, last, null, Grouping.None);
        }

        // A long period is charted by month, a short one by week.
        var months = request.To.Minus(request.From);
        request = request with { GroupBy = months.Years > 0 || months.Months >= 2 ? Grouping.Month : Grouping.Week };
        View = await queries.ViewAsync(request, cancellationToken);
        Tables = ImpactTables.Of(View, l);
    }

    public string ExportUrl(string format) =>
        $"/api/v1/impact?from={Text(View.Current.Period.From)}&to={Text(View.Current.Period.To)}&format={format}"
        + (View.SpaceId is { } id ? $"&space={id}" : "");

    private static string Text(LocalDate day) => day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
