using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Site-wide rules: slot lengths per kind, quotas per space kind and household size, no-show policy, check-out checklist.</summary>
public sealed class RulesModel(SiteSettings settings, CantinaOpsDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSlotsAsync(Dictionary<ResourceKind, int> minutes, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // A key that is no kind of machine, or a length that is no number, fails binding: refused, never skipped.
        if (!ModelState.IsValid || minutes is null || minutes.Keys.Any(k => !Enum.IsDefined(k)))
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, l["Coord.SlotInvalid"]);
            return Page();
        }

        try
        {
            foreach (var (kind, length) in minutes)
            {
                Site.SetSlotLength(kind, Duration.FromMinutes(length));
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            ModelState.AddModelError(string.Empty, l["Coord.SlotInvalid"]);
            return Page();
        }

        return await SavedAsync("rules.slots", cancellationToken);
    }

    public async Task<IActionResult> OnPostQuotaAsync(SpaceKind kind, int fromSize, int perWeek, bool remove, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (remove)
        {
            Site.RemoveQuota(kind, fromSize);
        }
        else if (fromSize is >= 1 and <= 30 && perWeek is >= 0 and <= 50)
        {
            Site.SetQuota(kind, fromSize, perWeek);
        }
        else
        {
            ModelState.AddModelError(string.Empty, l["Coord.QuotaInvalid"]);
            return Page();
        }

        return await SavedAsync("rules.quota", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoShowAsync(int grace, int strikes, int window, int pause, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        try
        {
            Site.SetNoShowPolicy(grace, strikes, window, pause);
        }
        catch (ArgumentOutOfRangeException)
        {
            ModelState.AddModelError(string.Empty, l["Coord.NoShowInvalid"]);
            return Page();
        }

        return await SavedAsync("rules.no-show", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemindersAsync(string? eveningAt, int hoursBefore, int partnerDaysBefore, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        try
        {
            var time = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(eveningAt ?? "").GetValueOrThrow();
            Site.SetReminders(time, hoursBefore, partnerDaysBefore);
        }
        catch (Exception exception) when (exception is ArgumentOutOfRangeException or NodaTime.Text.UnparsableValueException)
        {
            ModelState.AddModelError(string.Empty, l["Coord.NoShowInvalid"]);
            return Page();
        }

        return await SavedAsync("rules.reminders", cancellationToken);
    }

    public async Task<IActionResult> OnPostChecklistAsync(string? text, int? retireId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (retireId is { } id)
        {
            if (await db.Checklist.SingleOrDefaultAsync(c => c.Id == id && c.SiteId == Site.Id, cancellationToken) is not { } item)
            {
                return NotFound();
            }

            item.Retire();
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            db.Checklist.Add(new ChecklistItem(Site.Id, text, Checklist.Count + 1));
        }

        return await SavedAsync("rules.checklist", cancellationToken);
    }

    private async Task<IActionResult> SavedAsync(string action, CancellationToken cancellationToken)
    {
        await settings.SaveAsync(action, Site.Name, cancellationToken);
        TempData["Message"] = l["Household.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        Checklist = await db.Checklist.Where(c => c.IsActive).OrderBy(c => c.Position).ToListAsync(cancellationToken);
    }
}
