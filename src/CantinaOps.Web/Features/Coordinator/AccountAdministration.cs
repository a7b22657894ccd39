using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>
/// The coordinator's actions on staff and partner accounts, each audited: invite, deactivate or
/// reactivate, change a role, issue a set-password link. Nobody changes their own role or active flag
/// (a demoted coordinator could otherwise undo it from a session opened before), and the last active
/// coordinator can be neither deactivated nor given another role.
/// </summary>
public sealed class AccountAdministration(UserManager<StaffUser> users, CantinaOpsDb db, AuditLog audit, Infrastructure.PublicLinks links)
{
    /// <summary>Why an action was refused: the name of the message shown to the coordinator.</summary>
    public enum Refusal { Invalid, OwnAccount, LastCoordinator }

    public sealed record Result(StaffUser? User, Refusal? Refused)
    {
        public static Result Done(StaffUser user) => new(user, null);

        public static Result No(Refusal why) => new(null, why);
    }

    public async Task<Result> InviteAsync(string? email, string? name, string role, int? partnerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !Roles.All.Contains(role) || (role == Roles.Partner) != (partnerId is not null)
            || (partnerId is { } partner && !await db.Partners.AnyAsync(p => p.Id == partner, cancellationToken)))
        {
            return Result.No(Refusal.Invalid);
        }

        var user = new StaffUser
        {
            UserName = email.Trim(), Email = email.Trim(), DisplayName = name?.Trim() ?? email, PartnerId = role == Roles.Partner ? partnerId : null,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return Result.No(Refusal.Invalid);
        }

        await users.AddToRoleAsync(user, role);
        audit.Record("account.invite", user.Email!, role);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(user);
    }

    public async Task<Result> SetActiveAsync(string id, bool active, string? byUserId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Result.No(Refusal.Invalid);
        }

        if (user.Id == byUserId)
        {
            return Result.No(Refusal.OwnAccount);
        }

        if (!active && await IsLastCoordinatorAsync(user))
        {
            return Result.No(Refusal.LastCoordinator);
        }

        // Deactivation is a lockout with no end: the account and its history stay, sign-in stops.
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : StaffAccounts.DeactivatedUntil);
        // A new stamp ends the account's open sessions (cookie and bearer token) on their next request.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(active ? "account.reactivate" : "account.deactivate", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(user);
    }

    public async Task<Result> SetRoleAsync(string id, string role, string? byUserId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user || !Roles.All.Contains(role) || (role == Roles.Partner && user.PartnerId is null))
        {
            return Result.No(Refusal.Invalid);
        }

        if (user.Id == byUserId)
        {
            return Result.No(Refusal.OwnAccount);
        }

        if (role != Roles.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return Result.No(Refusal.LastCoordinator);
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        // The new role applies from the account's next request (roles are read from the account, not the cookie).
        await users.AddToRoleAsync(user, role);
        audit.Record("account.role", user.Email!, role);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(user);
    }

    /// <summary>A one-time link with which the account's owner sets a password (handed over by the coordinator).</summary>
    public async Task<string?> SetPasswordLinkAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        return links.To($"/Account/SetPassword?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
    }

    private async Task<bool> IsLastCoordinatorAsync(StaffUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Coordinator))
        {
            return false;
        }

        var coordinators = await users.GetUsersInRoleAsync(Roles.Coordinator);
        return coordinators.Count(c => !StaffAccounts.IsDeactivated(c.LockoutEnd)) <= 1;
    }
}
