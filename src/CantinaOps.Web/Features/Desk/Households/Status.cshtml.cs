using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// Whether a household may use the app: deactivate it (the page asks first and says what follows — no script
/// needed, and a post without the answer changes nothing), reactivate it, lift a pause after absences.
/// </summary>
public sealed class StatusModel(CantinaOpsDb db, AuditLog audit, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Household Household { get; private set; } = null!;

    /// <summary>Bookings still to come, which deactivation leaves in place.</summary>
    public int Coming { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, bool active, bool confirm, CancellationToken cancellationToken)
    {
        if (!active && !confirm)
        {
            return await ShowAsync(id, cancellationToken);
        }

        if (await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } household)
        {
            return NotFound();
        }

        if (active) { household.Reactivate(); } else { household.Deactivate(); }
        return await SavedAsync(household, active ? "household.reactivate" : "household.deactivate", cancellationToken);
    }

    public async Task<IActionResult> OnPostLiftPauseAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } household)
        {
            return NotFound();
        }

        household.LiftPause();
        return await SavedAsync(household, "household.lift-pause", cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } household)
        {
            return NotFound();
        }

        Household = household;
        var now = clock.GetCurrentInstant();
        Coming = await db.Bookings.CountAsync(b => b.HouseholdId == id && b.End > now
            && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn), cancellationToken);
        return Page();
    }

    private async Task<IActionResult> SavedAsync(Household household, string action, CancellationToken cancellationToken)
    {
        audit.Record(action, household.Code);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Household.Saved"].Value;
        return RedirectToPage("Edit", new { id = household.Id });
    }
}
