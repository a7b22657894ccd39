using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// Limits sign-in attempts per client address on every sign-in path, on top of Identity's per-account
/// lockout: lockout stops guessing one account's password, this stops trying many accounts.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Security:SignInAttemptsPerMinute", 20);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
