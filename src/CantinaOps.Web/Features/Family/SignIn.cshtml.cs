using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Family;

/// <summary>A family signs in with the code and PIN printed on its slip.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(FamilyAccessService access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Pin { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Pin))
        {
            ModelState.AddModelError(string.Empty, l["Family.SignIn.Missing"]);
            return Page();
        }

        var (result, household) = await access.CheckPinAsync(Code, Pin, cancellationToken);
        if (household is null)
        {
            ModelState.AddModelError(string.Empty, result == FamilyAccessService.SignInResult.LockedOut
                ? l["Family.SignIn.Locked"] : l["Family.SignIn.Wrong"]);
            Pin = null;
            return Page();
        }

        await FamilyAccessService.SignInAsync(HttpContext, household);
        return RedirectToPage("/Family/Index");
    }
}
