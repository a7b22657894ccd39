using CantinaOps.Domain;
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
    public IReadOnlyList<AffectedBookings.Item> Preview { get; private set; } = [];

    /// <summary>What was typed, shown again with the preview or the error (null: the saved values).</summary>
    public Dictionary<ResourceKind, int>? Minutes { get; private set; }
    public (SpaceKind Kind, int FromSize, int PerWeek) Quota { get; private set; } = (SpaceKind.Laundry, 1, 2);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Slot lengths per kind, in minutes; bookings the new grid leaves out are listed before it is saved.</summary>
    public async Task<IActionResult> OnPostSlotsAsync(Dictionary<ResourceKind, int> minutes, bool confirm, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // A key that is no kind of machine, or a length that is no number, fails binding: refused, never skipped.
        if (!ModelState.IsValid || minutes is null || minutes.Keys.Any(k => !Enum.IsDefined(k)))
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, l["Coord.SlotInvalid"]);
            return Page();
        }

        Minutes = minutes;
        foreach (var (kind, length) in minutes)
        {
            if (Site.SetSlotLength(kind, Duration.FromMinutes(length)) is { } error)
            {
                this.AddError(error, l);
                return Page();
            }
        }

        if (!confirm && (Preview = await settings.PreviewAsync(Site, cancellationToken)).Count > 0)
        {
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, "rules.slots", Site.Name, cancellationToken), l);
    }

    public async Task<IActionResult> OnPostQuotaAsync(SpaceKind kind, int fromSize, int perWeek, bool remove, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Quota = (kind, fromSize, perWeek);
        if (remove)
        {
            Site.RemoveQuota(kind, fromSize);
            return await SavedAsync(null, "rules.quota", cancellationToken);
        }

        return await SavedAsync(Site.SetQuota(kind, fromSize, perWeek), "rules.quota", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoShowAsync(int grace, int strikes, int window, int pause, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await SavedAsync(Site.SetNoShowPolicy(grace, strikes, window, pause), "rules.no-show", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemindersAsync(string? eveningAt, int hoursBefore, int partnerDaysBefore, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var error = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(eveningAt ?? "") is { Success: true } time
            ? Site.SetReminders(time.Value, hoursBefore, partnerDaysBefore)
            : new SettingError(SettingRule.RemindersOutOfRange, "The evening reminder is a time like 18:00.");
        return await SavedAsync(error, "rules.reminders", cancellationToken);
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
        else if (this.RefusedAsTooLong(text, TextLimits.Line, l))
        {
            return Page();
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            db.Checklist.Add(new ChecklistItem(Site.Id, text, Checklist.Count + 1));
        }

        return await SavedAsync(null, "rules.checklist", cancellationToken);
    }

    /// <summary>A change the domain refused is shown as a form error and nothing is saved; otherwise it is saved and audited.</summary>
    private async Task<IActionResult> SavedAsync(SettingError? refused, string action, CancellationToken cancellationToken)
    {
        if (refused is not null)
        {
            this.AddError(refused, l);
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, action, Site.Name, cancellationToken), l);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        Checklist = await db.Checklist.Where(c => c.IsActive).OrderBy(c => c.Position).ToListAsync(cancellationToken);
    }
}
