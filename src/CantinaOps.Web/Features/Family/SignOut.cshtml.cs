using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CantinaOps.Web.Features.Family;

public sealed class SignOutModel : FamilyPage
{
    public IActionResult OnGet() => RedirectToPage("/Family/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(FamilyAccessService.Scheme);
        return RedirectToPage("/Family/SignIn");
    }
}
