using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Bookings;

namespace CantinaOps.Web.Features.Waitlist;

/// <summary>The desk's tools put a household on a day's waitlist, or take it off, by the same rules as the family's page.</summary>
public static class WaitlistApi
{
    public sealed record WishRequest(int? HouseholdId, int? SpaceId, string? Day);

    public sealed record WishResponse(int Id, int HouseholdId, int SpaceId, string Day);

    public static void MapWaitlistApi(this RouteGroupBuilder api)
    {
        api.MapPost("/waitlist", JoinAsync)
            .WithSummary("Puts a household on the waitlist of a space for a day (desk and coordinators).")
            .WithDescription("422 with `rule` when the wish could never be served: closed (the space does not open that day), " +
                "too-late, too-far-ahead, quota-reached, household-inactive, wrong-resource-for-booker, outside-date-window. " +
                "Asking twice gives the same wish.")
            .Produces<WishResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/waitlist", LeaveAsync)
            .WithSummary("Takes a household off the waitlist of a space for a day.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> JoinAsync(WishRequest request, HttpContext http, WaitlistService waitlist,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (!user.IsStaff)
        {
            return ApiProblems.Forbidden("Only the desk and coordinators manage waitlists.");
        }

        if (request is not { HouseholdId: { } householdId, SpaceId: { } spaceId } || DateWindow.ParseDate(request.Day) is not { } day)
        {
            return ApiProblems.Invalid("day", "householdId, spaceId and day (" + DateWindow.Explain("day") + ") are required.");
        }

        var outcome = await waitlist.JoinAsync(householdId, spaceId, day, new Actor(user.BookedAs, user.UserId), cancellationToken);
        return outcome switch
        {
            null => ApiProblems.NotFound($"Household {householdId} or space {spaceId}"),
            { IsSuccess: false } refused => ApiProblems.From(refused.Refusal!),
            { } joined => TypedResults.Created($"/api/v1/waitlist/{joined.Value!.Id}",
                new WishResponse(joined.Value.Id, joined.Value.HouseholdId, joined.Value.SpaceId, joined.Value.Day.ToString("yyyy-MM-dd", null))),
        };
    }

    private static async Task<IResult> LeaveAsync(int? householdId, int? spaceId, string? day, HttpContext http, WaitlistService waitlist,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (!user.IsStaff)
        {
            return ApiProblems.Forbidden("Only the desk and coordinators manage waitlists.");
        }

        if (householdId is not { } h || spaceId is not { } s || DateWindow.ParseDate(day) is not { } d)
        {
            return ApiProblems.Invalid("day", "householdId, spaceId and day (" + DateWindow.Explain("day") + ") are required.");
        }

        return await waitlist.LeaveAsync(h, s, d, new Actor(user.BookedAs, user.UserId), cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("An open wish for that household, space and day");
    }
}
