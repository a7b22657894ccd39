using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Staff and partner accounts: invite (a one-time set-password link to hand over), deactivate, new link, role.</summary>
public sealed class AccountsModel(AccountAdministration accounts, UserManager<StaffUser> users, CantinaOpsDb db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Account(string Id, string Email, string Name, string Role, int? PartnerId, bool Active);

    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public IReadOnlyList<CantinaOps.Domain.Partners.Partner> Partners { get; private set; } = [];
    public string? Link { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? name, string role, int? partnerId, CancellationToken cancellationToken) =>
        await accounts.InviteAsync(email, name, role, partnerId, cancellationToken) is { User: { } user }
            ? await WithLinkAsync(user.Id, cancellationToken)
            : await FailAsync(AccountAdministration.Refusal.Invalid, cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken cancellationToken) =>
        await WithLinkAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active, CancellationToken cancellationToken) =>
        await AfterAsync(await accounts.SetActiveAsync(id, active, users.GetUserId(User), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken) =>
        await AfterAsync(await accounts.SetRoleAsync(id, role, users.GetUserId(User), cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(AccountAdministration.Result result, CancellationToken cancellationToken) =>
        result.Refused is { } why ? await FailAsync(why, cancellationToken) : RedirectToPage();

    private async Task<IActionResult> WithLinkAsync(string id, CancellationToken cancellationToken)
    {
        if (await accounts.SetPasswordLinkAsync(id) is not { } link)
        {
            return NotFound();
        }

        Link = link;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> FailAsync(AccountAdministration.Refusal refusal, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, l[refusal switch
        {
            AccountAdministration.Refusal.OwnAccount => "Coord.OwnAccount",
            AccountAdministration.Refusal.LastCoordinator => "Coord.LastCoordinator",
            _ => "Coord.InviteInvalid",
        }]);
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
