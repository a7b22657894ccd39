using System.Security.Claims;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// Runs on every authentication of every request, whatever carried it (staff cookie, bearer token,
/// family cookie): a sign-in is only as good as the account behind it is now. A deactivated account,
/// a changed security stamp (new password, deactivation) or a household whose way in was withdrawn
/// (new PIN, deactivation, merge) turns the request anonymous, so it is refused like any signed-out
/// one; roles and partner are taken from the account as it is, not as they were at sign-in.
/// </summary>
public sealed class SessionCheck(CantinaOpsDb db, StaffSessions staff, IOptions<IdentityOptions> identity,
    IHttpContextAccessor http) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } signedIn)
        {
            return principal;
        }

        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        if (FamilyAccessService.HouseholdId(principal) is { } householdId)
        {
            // One lookup by primary key: always right, on every server, without a cache to keep in step.
            var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
                .Select(h => new { h.SecurityStamp, h.IsActive }).SingleOrDefaultAsync(cancellationToken);
            return household is { IsActive: true } && household.SecurityStamp == principal.FindFirstValue(FamilyAccessService.StampClaim)
                ? principal
                : Nobody;
        }

        var claims = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var account = userId is null ? null : await staff.FindAsync(db, userId, cancellationToken);
        if (account is not { Active: true } || account.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType))
        {
            return Nobody;
        }

        var current = new ClaimsIdentity(
            signedIn.Claims.Where(c => c.Type != claims.RoleClaimType && c.Type != StaffClaimsFactory.PartnerIdClaim),
            signedIn.AuthenticationType, signedIn.NameClaimType, claims.RoleClaimType);
        current.AddClaims(account.Roles.Select(role => new Claim(claims.RoleClaimType, role)));
        if (account.PartnerId is { } partnerId)
        {
            current.AddClaim(new Claim(StaffClaimsFactory.PartnerIdClaim, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(current);
    }
}

/// <summary>
/// A request whose session <see cref="SessionCheck"/> withdrew is anonymous, but its authentication
/// still "succeeded", which would make authorization answer "forbidden". It is asked to sign in
/// again instead: the sign-in page for a browser, 401 for the API.
/// </summary>
public sealed class WithdrawnSessionChallenge : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
        Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            authorizeResult = Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult.Challenge();
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
