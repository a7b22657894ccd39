using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Family;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// Edit a household, give it a new PIN, read its pending phone code, merge a duplicate into it; its bookings and
/// wishes are listed. Deactivating it (which asks first) and lifting its pause are on <see cref="StatusModel"/>.
/// </summary>
public sealed class EditModel(CantinaOpsDb db, FamilyAccessService access, HouseholdMerge merge, HouseholdRegistration registration,
    HouseholdHistory history, AuditLog audit, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    [BindProperty]
    public string? DuplicateCode { get; set; }

    public Household Household { get; private set; } = null!;
    public string? PendingCode { get; private set; }
    public HouseholdHistory.View History { get; private set; } = null!;
    public bool Paused => Household.IsSelfBookingPaused(clock.GetCurrentInstant());

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = HouseholdInput.From(Household);
        return Page();
    }

    /// <remarks>A new phone that another active household has is shown with a warning once; saving again keeps it.</remarks>
    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Errors = HouseholdRegistration.Validate(Input.ToForm(), out var phone);
        if (Input.Errors.Count == 0 && phone != Household.Phone && phone != Input.SamePhoneSeen)
        {
            (Input.SamePhone, Input.SamePhoneSeen) = (await registration.SamePhoneAsync(phone, Household.Id, cancellationToken), phone);
        }

        if (Input.Errors.Count > 0 || Input.SamePhone.Count > 0)
        {
            return Page();
        }

        Household.Update(Input.Size!.Value, Input.Language, Input.DisplayName, phone, Input.Hotel);
        return await SavedAsync("household.edit", l["Household.Saved"], cancellationToken);
    }

    public async Task<IActionResult> OnPostNewPinAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SlipModel.Keep(TempData, await access.IssueAsync(Household, cancellationToken));
        audit.Record("household.new-pin", Household.Code);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Slip", new { id });
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var moved = await merge.MergeAsync(HouseholdCode.Normalise(DuplicateCode ?? string.Empty), Household, cancellationToken);
        if (moved is null)
        {
            ModelState.AddModelError(nameof(DuplicateCode), l["Household.MergeUnknown"]);
            return Page();
        }

        return await SavedAsync("household.merge", l["Household.Merged", moved.Value], cancellationToken);
    }

    private async Task<IActionResult> SavedAsync(string action, string message, CancellationToken cancellationToken)
    {
        audit.Record(action, Household.Code);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = message;
        return RedirectToPage(new { id = Household.Id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } household)
        {
            return false;
        }

        Household = household;
        var pending = await db.HouseholdAccess.FindAsync([id], cancellationToken);
        PendingCode = pending?.OneTimeCodeValid(clock.GetCurrentInstant()) == true ? pending.OneTimeCodeForDesk : null;
        History = await history.LoadAsync(id, cancellationToken);
        return true;
    }
}
