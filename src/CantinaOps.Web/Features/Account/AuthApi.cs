using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using CantinaOps.Web.Data;

namespace CantinaOps.Web.Features.Account;

public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static void MapAuthApi(this RouteGroupBuilder api) =>
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Exchanges a staff or partner e-mail and password for a bearer token.")
            .WithDescription("Answers 200 {accessToken, tokenType: \"Bearer\", expiresIn, refreshToken}; 401 on wrong credentials or a locked account.")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request,
        SignInManager<StaffUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Unauthorized();
        }

        // The bearer scheme writes {tokenType, accessToken, expiresIn, refreshToken} itself on success.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false,
            lockoutOnFailure: true);
        return result.Succeeded ? TypedResults.Empty : Unauthorized();
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Wrong e-mail or password, or the account is locked for a while after repeated failures.");
}
