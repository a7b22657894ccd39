using System.ComponentModel.DataAnnotations;

namespace CantinaOps.Web.Infrastructure;

/// <summary>The <c>Security</c> section of the configuration, validated when the app starts.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How long a server trusts what it read of a staff account (stamp, roles, active) before reading it
    /// again. Changes made through this server are seen at once; this bounds how late another server sees them.
    /// </summary>
    [Range(0, 600)]
    public int SessionCacheSeconds { get; set; } = 30;

    /// <summary>Lifetime of an API access token; the refresh token gets a new one after re-checking the account.</summary>
    [Range(1, 60 * 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Lifetime of an API refresh token: about a shift.</summary>
    [Range(1, 24 * 60)]
    public int RefreshTokenHours { get; set; } = 10;

    /// <summary>Budgets of attempts per minute, by purpose, per client address and per account.</summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public Features.Account.RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Checks the whole section, nested budgets included, when the app starts (source-generated).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class SecurityOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<SecurityOptions>;
