using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CantinaOps.Web.Features.Account;

public static class AuthApi
{
    public sealed record LoginRequest([property: Required] string? Email, [property: Required] string? Password);

    public sealed record RefreshRequest([property: Required] string? RefreshToken);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Policy(Purpose.ApiSignIn))
            .WithSummary("Exchanges a staff or partner e-mail and password for a bearer token.")
            .WithDescription("Answers 200 {accessToken, tokenType: \"Bearer\", expiresIn, refreshToken}; 401 on wrong credentials or a locked account.")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/auth/refresh", RefreshAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Policy(Purpose.ApiSignIn))
            .WithSummary("Exchanges a refresh token for a new access token, if the account is still active and unchanged.")
            .WithDescription("Access tokens are short-lived; the refresh token of the login answer gets a new pair. " +
                "Answers 401 once the account is deactivated, its password or role changed, or the refresh token expired.")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request,
        StaffSignIn signIn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Unauthorized();
        }

        // The bearer scheme writes {tokenType, accessToken, expiresIn, refreshToken} itself on success.
        var result = await signIn.SignInAsync(request.Email, request.Password, IdentityConstants.BearerScheme, Purpose.ApiSignIn,
            cancellationToken);
        return result switch
        {
            StaffSignIn.Result.Success => TypedResults.Empty,
            StaffSignIn.Result.TooMany => RateLimits.TooMany(),
            _ => Unauthorized(),
        };
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request,
        SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, StaffSessions sessions, CantinaOpsDb db,
        IClock clock, AccountRateLimits limits, CancellationToken cancellationToken)
    {
        if (!limits.TryAcquire(Purpose.ApiSignIn, "refresh:" + request.RefreshToken))
        {
            return RateLimits.TooMany();
        }

        var ticket = string.IsNullOrEmpty(request.RefreshToken)
            ? null
            : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetCurrentInstant().ToDateTimeOffset() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await sessions.FindAsync(db, user.Id, cancellationToken) is not { Active: true })
        {
            return Unauthorized();
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Wrong e-mail or password, or the account is locked for a while after repeated failures.");
}
