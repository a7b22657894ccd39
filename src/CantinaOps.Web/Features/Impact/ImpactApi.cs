using CantinaOps.Domain.Impact;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

public static class ImpactApi
{
    public sealed record PeriodFigures(string From, string To, IReadOnlyDictionary<string, double?> Figures);

    /// <param name="Day">The weekday in English, lower case ("saturday").</param>
    public sealed record PeakHour(string Day, int Hour, double Rate);

    public sealed record ImpactResponse(string From, string To, int? SpaceId, IReadOnlyDictionary<string, double?> Figures,
        PeriodFigures Previous, PeriodFigures YearBefore, IReadOnlyList<PeriodFigures>? Series, IReadOnlyList<PeakHour> PeakHours,
        IReadOnlyDictionary<string, string> Definitions);

    /// <summary>On its own group: coordinators and funders (a funder's token opens nothing else of the API).</summary>
    public static void MapImpactApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").RequireAuthorization(Policies.Impact).WithTags("CantinaOps")
            .MapGet("/impact", GetAsync)
            .WithSummary("The impact figures of a period, compared with the period before and the same period a year before.")
            .WithDescription("`from` and `to` are local dates (both included, at most three years apart); `space` a space id or kind; " +
                "`groupBy` week or month adds a series per period; `format` csv, csv-excel-fr (UTF-8 with BOM, `;`) or xlsx returns the " +
                "same figures as a file. Coordinators and funders; the desk and partners are refused (403). No household is named.")
            .Produces<ImpactResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> GetAsync(string? from, string? to, string? space, string? groupBy, string? format,
        ImpactQueries queries, ImpactExports exports, ScheduleCache rules, Data.CantinaOpsDb db, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var (request, field, error) = ImpactRequest.Parse(from, to, space, groupBy, site);
        if (request is null)
        {
            return ApiProblems.Invalid(field!, error!);
        }

        if (!ImpactRequest.TryParseFormat(format, out var export))
        {
            return ApiProblems.Invalid("format", "format is json, csv, csv-excel-fr or xlsx.");
        }

        var view = await queries.ViewAsync(request, cancellationToken);
        if (export is { } f)
        {
            var tables = ImpactTables.Of(view, l).Concat(view.Series.Count > 0 ? [ImpactTables.Series(view.Series, l)] : []).ToList();
            var (type, extension) = ImpactExports.TypeOf(f);
            return Results.File(exports.Write(tables, f), type, $"impact-{request.From:uuuu-MM-dd}-{request.To:uuuu-MM-dd}.{extension}");
        }

        return TypedResults.Ok(new ImpactResponse(Date(request.From), Date(request.To), request.SpaceId, Figures(view.Current),
            Of(view.Previous), Of(view.YearBefore), view.Series.Count > 0 ? view.Series.Select(s => Of(s.Figures)).ToList() : null,
            view.Current.PeakHours().Select(c => new PeakHour(c.Day.ToString().ToLowerInvariant(), c.Hour, Math.Round(c.Rate, 3))).ToList(),
            ImpactTables.Headline.ToDictionary(h => h.Key, h => l[$"Impact.{h.Key}.Definition"].Value)));
    }

    private static PeriodFigures Of(ImpactFigures figures) => new(Date(figures.Period.From), Date(figures.Period.To), Figures(figures));

    private static IReadOnlyDictionary<string, double?> Figures(ImpactFigures figures) =>
        ImpactTables.Headline.ToDictionary(h => h.Key, h => h.Value(figures));

    private static string Date(LocalDate day) => day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
