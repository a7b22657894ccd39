using System.ComponentModel.DataAnnotations;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;

namespace CantinaOps.Web.Features.Desk.Households;

public static class HouseholdsApi
{
    public sealed record CreateHouseholdRequest(string? DisplayName, [property: Required] int? Size, [property: Required] string? Language, string? Phone, string? Hotel);

    /// <summary>The PIN is given once, here, to hand to the family (only its hash is kept). <c>samePhone</c>: codes of
    /// other active households with the same phone — a warning (a possible duplicate to merge), not a refusal.</summary>
    public sealed record CreatedHousehold(int Id, string Code, string Pin, IReadOnlyList<string> SamePhone);

    public static void MapHouseholdsApi(this RouteGroupBuilder api) =>
        api.MapPost("/households", CreateAsync)
            .WithSummary("Registers a household; the app gives it its code and PIN (shown once).")
            .WithDescription("Desk and coordinator only. `size` 1-30; `language` one of fr, en, ar, uk, fa-AF, ka, ps, ru, sq, tr, ti; " +
                "`phone` optional, French or international, stored in E.164.")
            .Produces<CreatedHousehold>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> CreateAsync(CreateHouseholdRequest request, HttpContext http,
        HouseholdRegistration registration, CancellationToken cancellationToken)
    {
        if (!CurrentUser.From(http.User).IsStaff)
        {
            return ApiProblems.Forbidden("Only the desk and coordinators register households.");
        }

        var outcome = await registration.RegisterAsync(new HouseholdRegistration.Form(
            request.Size, request.Language, request.DisplayName, request.Phone, request.Hotel), cancellationToken);
        return outcome is { Household: { } household, Secrets: { } secrets }
            ? TypedResults.Created($"/api/v1/households/{household.Id}", new CreatedHousehold(household.Id, household.Code, secrets.Pin,
                outcome.SamePhone.Select(k => k.Code).ToList()))
            : TypedResults.ValidationProblem(outcome.Errors);
    }
}
