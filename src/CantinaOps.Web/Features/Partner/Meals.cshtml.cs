using CantinaOps.Domain.Partners;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Partner;

/// <summary>After a session: meals produced (in total, optionally by kind) and the check-out checklist.</summary>
public sealed class MealsModel(CantinaOpsDb db, SessionReports reports, PartnerCalendar calendar, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public int? Meals { get; set; }
    [BindProperty] public List<KindRow> ByKind { get; set; } = [];
    [BindProperty] public List<int> Done { get; set; } = [];

    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    /// <summary>The session the meals are declared for.</summary>
    public PartnerCalendar.Entry Block { get; private set; } = null!;

    /// <summary>A row of meals by kind; both optional, so rows left empty are no error.</summary>
    public sealed record KindRow(string? Kind, int? Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var report = await db.SessionReports.AsNoTracking().SingleOrDefaultAsync(r => r.BookingId == Id, cancellationToken);
        if (report is not null)
        {
            (Meals, ByKind, Done) = (report.Meals, report.ByKind.Select(k => new KindRow(k.Kind, k.Count)).ToList(), report.ChecklistDone.ToList());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Meals is not { } meals || !ModelState.IsValid)
        {
            // One message for the form, not the binder's English one per row left empty.
            ModelState.Clear();
            ModelState.AddModelError(nameof(Meals), l[Meals is null ? "Partner.MealsTotalRequired" : "Partner.MealsInvalid"]);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        var declared = await reports.DeclareAsync(Id, PartnerId, meals, ByKind.Select(k => new MealCount(k.Kind ?? string.Empty, k.Count ?? 0)),
            Done, Actor.UserId, cancellationToken);
        if (declared.Result == SessionReports.Result.NotFound)
        {
            return NotFound();
        }

        if (declared.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, l.Explain(refusal));
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        TempData["Message"] = l["Partner.MealsSaved"].Value;
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await calendar.FindAsync(PartnerId, Id, cancellationToken) is not { } block)
        {
            return false;
        }

        Block = block;
        Checklist = await db.Checklist.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Position).ToListAsync(cancellationToken);
        while (ByKind.Count < 3)
        {
            ByKind.Add(new KindRow(null, null));
        }

        return true;
    }
}
