using System.Security.Claims;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Account;

/// <summary>Adds the partner a user acts for to its sign-in claims (cookie and bearer token alike).</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string PartnerIdClaim = "cantinaops:partner";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PartnerId is { } partnerId)
        {
            identity.AddClaim(new Claim(PartnerIdClaim, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim("cantinaops:name", user.DisplayName));
        return identity;
    }
}

/// <summary>What the app needs to know of the signed-in staff or partner user.</summary>
public sealed record CurrentUser(string? UserId, bool IsCoordinator, bool IsDesk, int? PartnerId)
{
    /// <summary>Desk volunteers and coordinators act for any household.</summary>
    public bool IsStaff => IsCoordinator || IsDesk;

    public BookedBy BookedAs => IsCoordinator ? BookedBy.Coordinator : IsDesk ? BookedBy.Desk : BookedBy.Partner;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var partner = principal.FindFirstValue(StaffClaimsFactory.PartnerIdClaim);
        return new CurrentUser(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.IsInRole(Roles.Coordinator),
            principal.IsInRole(Roles.Desk),
            principal.IsInRole(Roles.Partner) && int.TryParse(partner, out var id) ? id : null);
    }
}
