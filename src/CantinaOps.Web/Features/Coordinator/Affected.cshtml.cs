using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Future bookings left outside the rules by a change, each to move or cancel explicitly.</summary>
public sealed class AffectedModel(AffectedBookings affected, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<AffectedBookings.Item> Items { get; private set; } = [];

    /// <summary>Why the last move or cancellation was refused; shown as a refusal, never with the success tick.</summary>
    [TempData] public string? Refused { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await affected.FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(int bookingId, CancellationToken cancellationToken)
    {
        var handled = await affected.MoveAsync(bookingId, cancellationToken);
        return Done(handled, handled.Partner is { } partner ? l["Coord.PartnerMoved", handled.When ?? "", partner] : l["Coord.HouseholdMoved", handled.When ?? ""]);
    }

    public async Task<IActionResult> OnPostCancelAsync(int bookingId, CancellationToken cancellationToken)
    {
        var handled = await affected.CancelAsync(bookingId, cancellationToken);
        return Done(handled, handled.Partner is { } partner ? l["Coord.PartnerCancelled", partner] : l["OutOfOrder.Cancelled"]);
    }

    /// <param name="except">Bookings kept apart, to handle one by one.</param>
    public async Task<IActionResult> OnPostAllAsync(bool move, int[]? except, CancellationToken cancellationToken)
    {
        var summary = await affected.HandleAllAsync(move, except ?? [], cancellationToken);
        TempData["Message"] = l[move ? "Coord.AllMoved" : "Coord.AllCancelled", summary.Done].Value;
        if (summary.Left > 0)
        {
            Refused = l["Coord.AllLeft", summary.Left];
        }

        return RedirectToPage();
    }

    private RedirectToPageResult Done(AffectedBookings.Handled handled, string success)
    {
        if (handled.Refusal is { } refusal)
        {
            // "No free slot" is the usual refusal of a move here: say so, not "this slot has just been taken".
            Refused = refusal.Rule == Domain.Bookings.Rule.SlotTaken ? l["Coord.NoAlternative"] : l[$"Rule.{refusal.Rule}"];
        }
        else
        {
            TempData["Message"] = success;
        }

        return RedirectToPage();
    }
}
