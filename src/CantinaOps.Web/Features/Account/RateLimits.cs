using System.Collections.Frozen;
using System.Threading.RateLimiting;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// What a budget of attempts is for. Each has its own, per client address and per account (what was
/// typed: an e-mail, a household code, a phone, a feed), so that exhausting one — an API script, a
/// guessing phone — closes nothing else, and families of one hotel sharing one address are not refused.
/// </summary>
public enum Purpose
{
    StaffSignIn,
    ApiSignIn,
    FamilySignIn,
    Links,
    Feeds,
}

/// <summary>One purpose's budget per minute; the <c>Security:RateLimits</c> section holds one per <see cref="Purpose"/>.</summary>
public sealed class RateLimit
{
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int PerAddress { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int PerAccount { get; set; }
}

public sealed class RateLimitOptions
{
    // A hotel can house a hundred families behind one address, signing in around the same mornings.
    [Microsoft.Extensions.Options.ValidateObjectMembers] public RateLimit StaffSignIn { get; set; } = new() { PerAddress = 30, PerAccount = 10 };
    [Microsoft.Extensions.Options.ValidateObjectMembers] public RateLimit ApiSignIn { get; set; } = new() { PerAddress = 30, PerAccount = 10 };
    [Microsoft.Extensions.Options.ValidateObjectMembers] public RateLimit FamilySignIn { get; set; } = new() { PerAddress = 300, PerAccount = 10 };
    [Microsoft.Extensions.Options.ValidateObjectMembers] public RateLimit Links { get; set; } = new() { PerAddress = 300, PerAccount = 10 };
    [Microsoft.Extensions.Options.ValidateObjectMembers] public RateLimit Feeds { get; set; } = new() { PerAddress = 600, PerAccount = 30 };

    public RateLimit For(Purpose purpose) => purpose switch
    {
        Purpose.StaffSignIn => StaffSignIn,
        Purpose.ApiSignIn => ApiSignIn,
        Purpose.FamilySignIn => FamilySignIn,
        Purpose.Links => Links,
        _ => Feeds,
    };
}

/// <summary>
/// Per-account budgets, asked by the sign-in code once it knows what was typed (a rate-limiting
/// middleware sees the request before its body is read). Per-address budgets are middleware policies.
/// </summary>
public sealed class AccountRateLimits : IDisposable
{
    private readonly FrozenDictionary<Purpose, PartitionedRateLimiter<string>> _limiters;

    public AccountRateLimits(IOptions<SecurityOptions> options) =>
        _limiters = Enum.GetValues<Purpose>().ToFrozenDictionary(purpose => purpose, purpose =>
        {
            var permits = options.Value.RateLimits.For(purpose).PerAccount;
            return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
        });

    /// <returns>False when this account's budget for the purpose is spent for the minute.</returns>
    public bool TryAcquire(Purpose purpose, string account)
    {
        // Partitions are keyed by a hash: no e-mail, phone or link token sits in memory as a key.
        using var lease = _limiters[purpose].AttemptAcquire(SecretHash.Of(account));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}

public static class RateLimits
{
    public static string Policy(Purpose purpose) => purpose.ToString();

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<AccountRateLimits>();
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext);
            foreach (var purpose in Enum.GetValues<Purpose>())
            {
                var permits = security.Value.RateLimits.For(purpose).PerAddress;
                // Opening a page that only shows a form spends nothing; a sign-in link acts on GET, so it counts.
                var countsGets = purpose is Purpose.Links or Purpose.Feeds;
                options.AddPolicy(Policy(purpose), context =>
                    !countsGets && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                        ? RateLimitPartition.GetNoLimiter("reading")
                        : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
            }
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>The answer when a budget is spent: a problem body for the API, a plain page otherwise.</summary>
    public static async ValueTask RejectAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TooMany().ExecuteAsync(http);
        }
        else
        {
            await http.Response.WriteAsync("Too many attempts: try again in a minute.", http.RequestAborted);
        }
    }

    public static ProblemHttpResult TooMany() =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: "Too many attempts in a minute: try again later.");
}
