using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Family;

/// <summary>A family with a recorded phone asks for a one-time code, then types it.</summary>
[AllowAnonymous]
[EnableRateLimiting(nameof(Purpose.FamilySignIn))]
public sealed class PhoneModel(FamilyAccessService access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? OneTimeCode { get; set; }

    public bool CodeSent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        // The answer is the same whether or not the number is known, so numbers cannot be probed.
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            await access.IssueOneTimeCodeAsync(Phone, cancellationToken);
        }

        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        CodeSent = true;
        var (result, household) = string.IsNullOrWhiteSpace(Phone) || string.IsNullOrWhiteSpace(OneTimeCode)
            ? (FamilyAccessService.SignInResult.Wrong, null)
            : await access.CheckOneTimeCodeAsync(Phone, OneTimeCode, cancellationToken);
        if (household is null)
        {
            if (result == FamilyAccessService.SignInResult.TooMany)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }

            ModelState.AddModelError(string.Empty, result switch
            {
                FamilyAccessService.SignInResult.LockedOut => l["Family.SignIn.Locked"],
                FamilyAccessService.SignInResult.TooMany => l["SignIn.TooMany"],
                _ => l["Family.Phone.Wrong"],
            });
            OneTimeCode = null;
            return Page();
        }

        await FamilyAccessService.SignInAsync(HttpContext, household);
        return RedirectToPage("/Family/Index");
    }
}
