using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CantinaOps.Web.Features.Family;

/// <summary>The sign-in link on the family's slip (its QR code): opening it signs the family in.</summary>
[AllowAnonymous]
[EnableRateLimiting(nameof(Purpose.Links))]
public sealed class LinkModel(FamilyAccessService access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var household = await access.CheckLinkAsync(token, cancellationToken);
        if (household is null)
        {
            return RedirectToPage("/Family/SignIn");
        }

        await FamilyAccessService.SignInAsync(HttpContext, household);
        return RedirectToPage("/Family/Index");
    }
}
