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
[EnableRateLimiting(nameof(Purpose.FamilySignIn))]
public sealed class SignInModel(FamilyAccessService access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Pin { get; set; }

    /// <summary>
    /// The family's QR code on its week slip opens this page with its code and language: the language is kept (the
    /// family reads the page in it from then on) and the page comes back without it, the code filled in.
    /// </summary>
    public IActionResult OnGet(string? code, string? lang)
    {
        Code = code is { Length: <= 20 } ? code.Trim() : null;
        if (Domain.Households.Languages.IsSupported(lang))
        {
            Response.RememberCulture(lang!);
            return RedirectToPage(new { code = Code });
        }

        return Page();
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
            if (result == FamilyAccessService.SignInResult.TooMany)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }

            ModelState.AddModelError(string.Empty, result switch
            {
                FamilyAccessService.SignInResult.LockedOut => l["Family.SignIn.Locked"],
                FamilyAccessService.SignInResult.TooMany => l["SignIn.TooMany"],
                _ => l["Family.SignIn.Wrong"],
            });
            Pin = null;
            return Page();
        }

        await FamilyAccessService.SignInAsync(HttpContext, household);
        return RedirectToPage("/Family/Index");
    }
}
