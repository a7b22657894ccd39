using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Closures: one-off, annual, or the French public holidays of the coming year in one click.</summary>
public sealed class ClosuresModel(SiteSettings settings, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? First { get; set; }
    [BindProperty] public string? Last { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? SpaceId { get; set; }

    /// <summary>Set once the coordinator has seen the bookings the change affects and confirms it.</summary>
    [BindProperty] public bool Confirm { get; set; }

    public IReadOnlyList<AffectedBookings.Item> Preview { get; private set; } = [];

    public Site Site { get; private set; } = null!;
    public IReadOnlyList<(LocalDate Date, string Name)> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (DateWindow.ParseDate(First) is not { } first || string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(string.Empty, l["Coord.ClosureInvalid"]);
            return Page();
        }

        var last = string.IsNullOrWhiteSpace(Last) ? first : DateWindow.ParseDate(Last);
        if (last is null || last < first)
        {
            ModelState.AddModelError(string.Empty, l["Coord.ClosureInvalid"]);
            return Page();
        }

        Site.AddClosure(first, last.Value, Reason.Trim(), Site.Spaces.FirstOrDefault(s => s.Id == SpaceId));
        if (!Confirm && (Preview = await settings.PreviewAsync(Site, cancellationToken)).Count > 0)
        {
            return Page();
        }

        return Saved(await settings.SaveAsync("closure.add", $"{first}–{last} {Reason}", cancellationToken));
    }

    public async Task<IActionResult> OnPostHolidaysAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        foreach (var (date, name) in Holidays.Where(h => !Site.Closures.Any(c => c.SpaceId == null && c.FirstDay <= h.Date && h.Date <= c.LastDay)))
        {
            Site.AddClosure(date, date, name);
        }

        if (!Confirm && (Preview = await settings.PreviewAsync(Site, cancellationToken)).Count > 0)
        {
            return Page();
        }

        return Saved(await settings.SaveAsync("closure.holidays", $"{Holidays.Count} public holidays", cancellationToken));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int closureId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Site.Closures.FirstOrDefault(c => c.Id == closureId) is not { } closure)
        {
            return NotFound();
        }

        Site.RemoveClosure(closure);
        return Saved(await settings.SaveAsync("closure.remove", $"{closure.FirstDay}–{closure.LastDay} {closure.Reason}", cancellationToken));
    }

    private IActionResult Saved(int affected)
    {
        TempData["Message"] = affected > 0 ? l["Coord.SavedAffected", affected].Value : l["Household.Saved"].Value;
        return affected > 0 ? RedirectToPage("Affected") : RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        var today = Site.Zone.Today(clock.GetCurrentInstant());
        Holidays = FrenchPublicHolidays.For(today.Year).Concat(FrenchPublicHolidays.For(today.Year + 1))
            .Where(h => h.Date >= today && h.Date < today.PlusYears(1)).ToList();
    }
}
