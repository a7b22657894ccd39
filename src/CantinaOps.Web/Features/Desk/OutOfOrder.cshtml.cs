using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>Mark a machine out of order, then move or cancel each booking it held.</summary>
public sealed class OutOfOrderModel(OutOfOrderService service, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public int? Resource { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Until { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<OutOfOrderService.Machine> Machines { get; private set; } = [];
    public IReadOnlyList<OutOfOrderService.Affected> Affected { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMarkAsync(CancellationToken cancellationToken)
    {
        var zone = await service.ZoneAsync(cancellationToken);
        var from = string.IsNullOrWhiteSpace(From) ? clock.GetCurrentInstant() : Parse(From, zone);
        Instant? until = string.IsNullOrWhiteSpace(Until) ? null : Parse(Until, zone);
        if (Resource is null)
        {
            ModelState.AddModelError(nameof(Resource), l["OutOfOrder.ChooseMachine"]);
        }

        if (from is null || (!string.IsNullOrWhiteSpace(Until) && (until is null || until <= from)))
        {
            ModelState.AddModelError(nameof(Until), l["OutOfOrder.BadTimes"]);
        }

        if (!ModelState.IsValid || !await service.MarkAsync(Resource!.Value, from!.Value, until, Reason?.Trim() ?? "", cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = l["OutOfOrder.Marked"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBackAsync(int resourceId, CancellationToken cancellationToken) =>
        await service.BackInServiceAsync(resourceId, cancellationToken) ? Done(l["OutOfOrder.Back"]) : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int bookingId, CancellationToken cancellationToken) =>
        Done(await service.MoveAsync(bookingId, cancellationToken) is { } refusal ? l[$"Rule.{refusal.Rule}"] : l["OutOfOrder.Moved"]);

    public async Task<IActionResult> OnPostCancelAsync(int bookingId, CancellationToken cancellationToken) =>
        Done(await service.CancelAsync(bookingId, cancellationToken) is { } refusal ? l[$"Rule.{refusal.Rule}"] : l["OutOfOrder.Cancelled"]);

    private RedirectToPageResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Machines = await service.MachinesAsync(cancellationToken);
        Affected = await service.AffectedAsync(cancellationToken);
    }

    private static Instant? Parse(string text, DateTimeZone zone) =>
        SiteDateTimeText.Parse(text) is { } local && zone.Resolve(local.Local, local.Offset) is { IsSuccess: true } at ? at.Value : null;
}
