using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features;

/// <summary>Choosing the language, each shown in its own script; a signed-in family's choice is kept on its household.</summary>
[AllowAnonymous]
public sealed class LanguageModel(CantinaOpsDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A signed-in family sees the page in its own layout (its bookings, its sign-out), not the staff's.</summary>
    public bool Family { get; private set; }

    public async Task OnGetAsync()
    {
        var family = await HttpContext.AuthenticateAsync(FamilyAccessService.Scheme);
        Family = family.Succeeded && FamilyAccessService.HouseholdId(family.Principal) is not null;
        // The page is open to all, so its user is not the family's: the layout is told (replacing the user
        // would tie the form's antiforgery token to an identity the post does not carry).
        ViewData["FamilySignedIn"] = Family;
    }

    public async Task<IActionResult> OnPostAsync(string culture, CancellationToken cancellationToken)
    {
        if (!Languages.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.RememberCulture(culture);
        var family = await HttpContext.AuthenticateAsync(FamilyAccessService.Scheme);
        if (family.Succeeded && FamilyAccessService.HouseholdId(family.Principal) is { } householdId
            && await db.Households.FindAsync([householdId], cancellationToken) is { } household)
        {
            household.ChangeLanguage(culture);
            await db.SaveChangesAsync(cancellationToken);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
