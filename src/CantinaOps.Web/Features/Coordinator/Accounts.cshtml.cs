using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>
/// Staff and partner accounts: invite (a one-time set-password link to hand over), deactivate, new
/// link, role. The last active coordinator can be neither deactivated nor given another role.
/// </summary>
public sealed class AccountsModel(UserManager<StaffUser> users, CantinaOpsDb db, AuditLog audit, Infrastructure.PublicLinks links,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Account(string Id, string Email, string Name, string Role, int? PartnerId, bool Active);

    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public IReadOnlyList<CantinaOps.Domain.Partners.Partner> Partners { get; private set; } = [];
    public string? Link { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? name, string role, int? partnerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !Roles.All.Contains(role) || (role == Roles.Partner) != (partnerId is not null))
        {
            return await FailAsync("Coord.InviteInvalid", cancellationToken);
        }

        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = name?.Trim() ?? email, PartnerId = role == Roles.Partner ? partnerId : null };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return await FailAsync("Coord.InviteInvalid", cancellationToken);
        }

        await users.AddToRoleAsync(user, role);
        audit.Record("account.invite", user.Email!, role);
        await db.SaveChangesAsync(cancellationToken);
        return await WithLinkAsync(user, cancellationToken);
    }

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id) is { } user ? await WithLinkAsync(user, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (IsSelf(user))
        {
            return await FailAsync("Coord.OwnAccount", cancellationToken);
        }

        if (!active && await IsLastCoordinatorAsync(user))
        {
            return await FailAsync("Coord.LastCoordinator", cancellationToken);
        }

        // Deactivation is a lockout with no end: the account and its history stay, sign-in stops.
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : StaffAccounts.DeactivatedUntil);
        // A new stamp ends the account's open sessions (cookie and bearer token) on their next request.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(active ? "account.reactivate" : "account.deactivate", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user || !Roles.All.Contains(role) || (role == Roles.Partner && user.PartnerId is null))
        {
            return await FailAsync("Coord.InviteInvalid", cancellationToken);
        }

        // A coordinator could otherwise undo a demotion from a session opened before it.
        if (IsSelf(user))
        {
            return await FailAsync("Coord.OwnAccount", cancellationToken);
        }

        if (role != Roles.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return await FailAsync("Coord.LastCoordinator", cancellationToken);
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        // The new role applies from the account's next request (roles are read from the account, not the cookie).
        await users.AddToRoleAsync(user, role);
        audit.Record("account.role", user.Email!, role);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private bool IsSelf(StaffUser user) => user.Id == users.GetUserId(User);

    private async Task<bool> IsLastCoordinatorAsync(StaffUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Coordinator))
        {
            return false;
        }

        var coordinators = await users.GetUsersInRoleAsync(Roles.Coordinator);
        return coordinators.Count(c => !StaffAccounts.IsDeactivated(c.LockoutEnd)) <= 1;
    }

    private async Task<IActionResult> WithLinkAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Link = links.To($"/Account/SetPassword?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> FailAsync(string key, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, l[key]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Accounts = (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken)).Select(u => new Account(u.Id, u.Email ?? "",
            u.DisplayName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "—", u.PartnerId,
            !StaffAccounts.IsDeactivated(u.LockoutEnd))).ToList();
        Partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }
}
