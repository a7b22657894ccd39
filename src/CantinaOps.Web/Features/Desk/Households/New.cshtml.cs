using CantinaOps.Web.Features.Family;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>Registers a household with the minimum, and gives it its code, PIN and sign-in link.</summary>
public sealed class NewModel(HouseholdRegistration registration) : PageModel
{
    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await registration.RegisterAsync(Input.ToForm(), cancellationToken, askWhenPhoneKnown: true);
        if (result is not { Household: { } household, Secrets: { } secrets })
        {
            (Input.Errors, Input.SamePhone, Input.SamePhoneSeen) = (result.Errors, result.SamePhone, result.Phone);
            return Page();
        }

        SlipModel.Keep(TempData, secrets);
        return RedirectToPage("Slip", new { id = household.Id });
    }
}
