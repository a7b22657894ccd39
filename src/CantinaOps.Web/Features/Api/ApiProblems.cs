using CantinaOps.Domain.Bookings;

namespace CantinaOps.Web.Features.Api;

/// <summary>Turns domain refusals into problem details: 409 when the slot is taken, 422 for any other rule.</summary>
public static class ApiProblems
{
    public static IResult From(Refusal refusal)
    {
        var status = refusal.Rule switch
        {
            Rule.SlotTaken => StatusCodes.Status409Conflict,
            Rule.InvalidStatusChange => StatusCodes.Status409Conflict,
            Rule.ChoiceRequired => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status409Conflict ? "Conflict" : "A booking rule was broken",
            detail: refusal.Detail,
            type: $"https://cantinaops.org/problems/{refusal.Code}",
            extensions: new Dictionary<string, object?> { ["rule"] = refusal.Code });
    }

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found.");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
