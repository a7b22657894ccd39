using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Future bookings left outside the rules by a change, each to move or cancel explicitly.</summary>
public sealed class AffectedModel(AffectedBookings affected, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<AffectedBookings.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await affected.FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(int bookingId, CancellationToken cancellationToken) =>
        Done(await affected.MoveAsync(bookingId, cancellationToken) is { } r ? l[$"Rule.{r.Rule}"] : l["OutOfOrder.Moved"]);

    public async Task<IActionResult> OnPostCancelAsync(int bookingId, CancellationToken cancellationToken) =>
        Done(await affected.CancelAsync(bookingId, cancellationToken) is { } r ? l[$"Rule.{r.Rule}"] : l["OutOfOrder.Cancelled"]);

    private RedirectToPageResult Done(string message)
    {
        TempData["Message"] = message;
        return RedirectToPage();
    }
}
