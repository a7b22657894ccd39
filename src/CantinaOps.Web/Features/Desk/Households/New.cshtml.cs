using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Family;
using CantinaOps.Web.Features.Desk.Households;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>Registers a household with the minimum, and gives it its code, PIN and sign-in link.</summary>
public sealed class NewModel(CantinaOpsDb db, HouseholdRegistration registration, FamilyAccessService access, AuditLog audit)
    : PageModel
{
    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The household and its way in are saved together: a family never gets a code without a PIN.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await registration.RegisterAsync(Input.ToForm(), cancellationToken);
        if (result.Household is not { } household)
        {
            Input.Errors = result.Errors;
            return Page();
        }

        var secrets = await access.IssueAsync(household, cancellationToken);
        audit.Record("household.register", household.Code);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        SlipModel.Keep(TempData, secrets);
        return RedirectToPage("Slip", new { id = household.Id });
    }
}
