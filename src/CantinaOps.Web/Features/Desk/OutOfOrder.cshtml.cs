using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>Mark a machine out of order, change or remove its outages, then move or cancel the bookings it held.</summary>
public sealed class OutOfOrderModel(OutOfOrderService service, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public int? Resource { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? Until { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<OutOfOrderService.Machine> Machines { get; private set; } = [];
    public IReadOnlyList<OutOfOrderService.Outage> Outages { get; private set; } = [];
    public IReadOnlyList<OutOfOrderService.Affected> Affected { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMarkAsync(CancellationToken cancellationToken)
    {
        var (from, until) = await TimesAsync(clock.GetCurrentInstant(), cancellationToken);
        if (Resource is null)
        {
            ModelState.AddModelError(nameof(Resource), l["OutOfOrder.ChooseMachine"]);
        }

        if (!ModelState.IsValid || !await service.MarkAsync(Resource!.Value, from!.Value, until, Reason?.Trim() ?? "", cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Done(l["OutOfOrder.Marked"]);
    }

    /// <summary>Changes one outage; a refusal comes back as the message over the list, where that outage is.</summary>
    public async Task<IActionResult> OnPostEditAsync(int outageId, CancellationToken cancellationToken)
    {
        var (from, until) = await TimesAsync(null, cancellationToken);
        var outcome = ModelState.IsValid
            ? await service.EditAsync(outageId, from!.Value, until, Reason?.Trim() ?? "", cancellationToken)
            : OutageChange.InvalidTimes;
        return outcome == OutageChange.NotFound ? NotFound() : Done(l[outcome == OutageChange.Done ? "OutOfOrder.Edited" : $"OutOfOrder.Change.{outcome}"]);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int outageId, CancellationToken cancellationToken) =>
        await service.RemoveAsync(outageId, cancellationToken) switch
        {
            OutageChange.NotFound => NotFound(),
            OutageChange.Done => Done(l["OutOfOrder.Removed"]),
            var refused => Done(l[$"OutOfOrder.Change.{refused}"]),
        };

    public async Task<IActionResult> OnPostBackAsync(int resourceId, CancellationToken cancellationToken) =>
        await service.BackInServiceAsync(resourceId, cancellationToken) ? Done(l["OutOfOrder.Back"]) : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int bookingId, CancellationToken cancellationToken) =>
        Done(await service.MoveAsync(bookingId, cancellationToken) is { } refusal ? l[$"Rule.{refusal.Rule}"] : l["OutOfOrder.Moved"]);

    public async Task<IActionResult> OnPostMoveAllAsync(CancellationToken cancellationToken)
    {
        var result = await service.MoveAllAsync(cancellationToken);
        return Done(result.Left.Count == 0
            ? l["OutOfOrder.MovedAll", result.Moved]
            : l["OutOfOrder.MovedAllLeft", result.Moved, string.Join(", ", result.Left)]);
    }

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
        Outages = await service.OutagesAsync(cancellationToken);
        Affected = await service.AffectedAsync(cancellationToken);
    }

    /// <summary>Reads From and Until in the site's zone; an empty From is <paramref name="emptyFrom"/> (none: an error).</summary>
    private async Task<(Instant? From, Instant? Until)> TimesAsync(Instant? emptyFrom, CancellationToken cancellationToken)
    {
        var zone = await service.ZoneAsync(cancellationToken);
        var from = string.IsNullOrWhiteSpace(From) ? emptyFrom : Parse(From, zone);
        Instant? until = string.IsNullOrWhiteSpace(Until) ? null : Parse(Until, zone);
        if (from is null || (!string.IsNullOrWhiteSpace(Until) && (until is null || until <= from)))
        {
            ModelState.AddModelError(nameof(Until), l["OutOfOrder.BadTimes"]);
        }

        return (from, until);
    }

    private static Instant? Parse(string text, DateTimeZone zone) =>
        SiteDateTimeText.Parse(text) is { } local && zone.Resolve(local.Local, local.Offset) is { IsSuccess: true } at ? at.Value : null;
}
