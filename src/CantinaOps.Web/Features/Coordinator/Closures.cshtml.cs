using CantinaOps.Domain;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

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
        // Dates outside the app's window are refused here, as a form error, like malformed ones.
        var first = DateWindow.ParseDate(First);
        var last = string.IsNullOrWhiteSpace(Last) ? first : DateWindow.ParseDate(Last);
        if (this.RefusedAsTooLong(Reason, TextLimits.Line, l, nameof(Reason)))
        {
            return Page();
        }

        // A closure of one space names a space in use; an unknown id never widens it to the whole site.
        var space = SpaceId is { } id ? Site.Spaces.FirstOrDefault(s => s.Id == id && s.IsActive) : null;
        if (first is null || last is null || last < first || string.IsNullOrWhiteSpace(Reason) || (SpaceId is not null && space is null))
        {
            ModelState.AddModelError(string.Empty, $"{l["Coord.ClosureInvalid"]} {l["Setting.DateOutsideWindow"]}");
            return Page();
        }

        Site.AddClosure(first.Value, last.Value, Reason.Trim(), space);
        if (!Confirm && (Preview = await settings.PreviewAsync(Site, cancellationToken)).Count > 0)
        {
            return Page();
        }

        return this.Saved(await settings.SaveAsync(Site, "closure.add", $"{first.Value}–{last.Value} {Reason}", cancellationToken), l);
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

        return this.Saved(await settings.SaveAsync(Site, "closure.holidays", $"{Holidays.Count} public holidays", cancellationToken), l);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int closureId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Site.Closures.FirstOrDefault(c => c.Id == closureId) is not { } closure)
        {
            return NotFound();
        }

        Site.RemoveClosure(closure);
        return this.Saved(await settings.SaveAsync(Site, "closure.remove", $"{closure.FirstDay}–{closure.LastDay} {closure.Reason}", cancellationToken), l);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Site = await settings.LoadAsync(cancellationToken);
        var today = Site.Zone.Today(clock.GetCurrentInstant());
        Holidays = FrenchPublicHolidays.For(today.Year).Concat(FrenchPublicHolidays.For(today.Year + 1))
            .Where(h => h.Date >= today && h.Date < today.PlusYears(1)).ToList();
    }
}
