using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Features.Desk.Households;
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
        var result = await registration.RegisterAsync(Input.ToForm(), cancellationToken);
        if (result is not { Household: { } household, Secrets: { } secrets })
        {
            Input.Errors = result.Errors;
            return Page();
        }

        SlipModel.Keep(TempData, secrets);
        return RedirectToPage("Slip", new { id = household.Id });
    }
}
