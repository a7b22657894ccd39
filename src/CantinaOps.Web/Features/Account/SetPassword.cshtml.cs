using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Account;

/// <summary>The one-time link a coordinator hands over: the user chooses a password (the link then stops working).</summary>
[AllowAnonymous]
[EnableRateLimiting(nameof(Purpose.StaffSignIn))]
public sealed class SetPasswordModel(UserManager<StaffUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var result = user is null || Token is null || string.IsNullOrEmpty(Password)
            ? IdentityResult.Failed()
            : await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, l["SetPassword.Invalid"]);
            return Page();
        }

        TempData["Message"] = l["SetPassword.Done"].Value;
        return RedirectToPage("Login");
    }
}
