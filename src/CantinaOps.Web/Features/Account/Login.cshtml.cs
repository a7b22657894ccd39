using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(nameof(Purpose.StaffSignIn))]
public sealed class LoginModel(StaffSignIn signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, l["Login.Missing"]);
            return Page();
        }

        var result = await signIn.SignInAsync(Input.Email, Input.Password, IdentityConstants.ApplicationScheme, Purpose.StaffSignIn,
            cancellationToken);
        if (result == StaffSignIn.Result.Success)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result == StaffSignIn.Result.TooMany)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            StaffSignIn.Result.LockedOut => l["Login.Locked"],
            StaffSignIn.Result.TooMany => l["SignIn.TooMany"],
            _ => l["Login.Wrong"],
        });
        Input.Password = string.Empty;
        return Page();
    }
}
