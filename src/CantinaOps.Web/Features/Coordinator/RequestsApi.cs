using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Partner;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>The coordinator's decision on a partner's pending request, as on the requests page (re-checked, told to the partner).</summary>
public static class RequestsApi
{
    public sealed record DeclineRequest(string? Reason);

    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/requests/{id:int}/approve", ApproveAsync)
            .WithSummary("Approves a partner's pending request after re-checking it against today's rules (coordinators).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/requests/{id:int}/decline", DeclineAsync)
            .WithSummary("Declines a partner's pending request; its time is free again and the partner is told why (coordinators).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ApproveAsync(int id, HttpContext http, PartnerScheduling scheduling, CantinaOpsDb db,
        CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, http, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await scheduling.ApproveAsync(id, cancellationToken) is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static async Task<IResult> DeclineAsync(int id, DeclineRequest? request, HttpContext http, PartnerScheduling scheduling,
        CantinaOpsDb db, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, http, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await scheduling.DeclineAsync(id, request?.Reason ?? string.Empty, cancellationToken) is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.NoContent();
    }

    private static async Task<IResult?> RefuseAsync(int id, HttpContext http, CantinaOpsDb db, CancellationToken cancellationToken)
    {
        if (!CurrentUser.From(http.User).IsCoordinator)
        {
            return ApiProblems.Forbidden("Only coordinators decide on partner requests.");
        }

        return await db.Bookings.AnyAsync(b => b.Id == id && b.PartnerId != null, cancellationToken) ? null : ApiProblems.NotFound($"Request {id}");
    }
}
