using CantinaOps.Domain.Partners;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Partner;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Partner;

/// <summary>After a session: meals produced (in total, optionally by kind) and the check-out checklist.</summary>
public sealed class MealsModel(CantinaOpsDb db, SessionReports reports, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int? Meals { get; set; }
    [BindProperty] public List<MealCount> ByKind { get; set; } = [];
    [BindProperty] public List<int> Done { get; set; } = [];

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var report = await db.SessionReports.AsNoTracking().SingleOrDefaultAsync(r => r.BookingId == Id, cancellationToken);
        if (report is not null && await db.Bookings.AnyAsync(b => b.Id == Id && b.PartnerId == PartnerId, cancellationToken))
        {
            (Meals, ByKind, Done) = (report.Meals, report.ByKind.ToList(), report.ChecklistDone.ToList());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = Meals is { } meals
            ? await reports.DeclareAsync(Id, PartnerId, meals, ByKind, Done, Actor.UserId, cancellationToken)
            : SessionReports.Result.Invalid;
        if (result == SessionReports.Result.NotFound)
        {
            return NotFound();
        }

        if (result != SessionReports.Result.Saved)
        {
            ModelState.AddModelError(string.Empty, l[result == SessionReports.Result.NotYet ? "Partner.MealsNotYet" : "Partner.MealsInvalid"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = l["Partner.MealsSaved"].Value;
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Checklist = await db.Checklist.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        while (ByKind.Count < 3)
        {
            ByKind.Add(new MealCount(string.Empty, 0));
        }
    }
}
