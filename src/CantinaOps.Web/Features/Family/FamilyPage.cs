using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Family;

/// <summary>Base of the pages a signed-in family uses: its household id comes from its sign-in only.</summary>
public abstract class FamilyPage : PageModel
{
    protected int HouseholdId => FamilyAccessService.HouseholdId(User)
        ?? throw new InvalidOperationException("Family pages require a signed-in household.");
}
