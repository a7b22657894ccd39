using CantinaOps.Domain.Scheduling;
using System.Globalization;
using CantinaOps.Web.Features.Api;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Scheduling;

public static class AvailabilityApi
{
    public sealed record SlotResponse(int ResourceId, string Start, string End, bool Free);

    public static void MapAvailabilityApi(this RouteGroupBuilder api) =>
        api.MapGet("/availability", GetAsync)
            .WithSummary("Every slot of every resource over 1 to 31 days, with whether it is free.")
            .WithDescription("`from` is a local date (default: today at the site), `days` 1-31 (default 7), `space` a space kind " +
                "(laundry, family-kitchen, professional-kitchen) or a space id. Times are the site's wall-clock times; " +
                "a time that occurs twice (October fall-back) carries its UTC offset.")
            .Produces<SlotResponse[]>().ProducesValidationProblem();

    private static async Task<IResult> GetAsync(string? from, int? days, string? space, AvailabilityQuery query,
        CancellationToken cancellationToken)
    {
        var dayCount = days ?? 7;
        if (dayCount is < 1 or > 31)
        {
            return ApiProblems.Invalid("days", "days must be between 1 and 31.");
        }

        var siteId = await query.DefaultSiteIdAsync(cancellationToken);
        Func<Domain.Sites.Space, bool> include = _ => true;
        if (!string.IsNullOrWhiteSpace(space))
        {
            if (int.TryParse(space, NumberStyles.None, CultureInfo.InvariantCulture, out var spaceId))
            {
                include = s => s.Id == spaceId;
            }
            else if (ApiNames.SpaceKindFrom(space) is { } kind)
            {
                include = s => s.Kind == kind;
            }
            else
            {
                return ApiProblems.Invalid("space", "space is laundry, family-kitchen, professional-kitchen or a space id.");
            }
        }

        LocalDate? firstDay = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            firstDay = DateWindow.ParseDate(from);
            if (firstDay is null)
            {
                return ApiProblems.Invalid("from", "from is a date like 2026-12-01; " + DateWindow.Explain("from"));
            }
        }

        var spaces = await query.RunAsync(siteId, firstDay, dayCount, include, cancellationToken);
        return TypedResults.Ok(spaces.SelectMany(s => s.Slots.Select(a => new SlotResponse(a.Slot.ResourceId,
            SiteDateTimeText.Format(a.Slot.Start, s.Schedule.Zone), SiteDateTimeText.Format(a.Slot.End, s.Schedule.Zone),
            a.Free))).ToArray());
    }
}
