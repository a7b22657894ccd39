using CantinaOps.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Desk;

/// <summary>The reception desk's today board.</summary>
public sealed class IndexModel(TodayBoard board, BookingActions actions, CantinaOps.Web.Data.CantinaOpsDb db, NodaTime.IClock clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public TodayBoard.View Board { get; private set; } = null!;

    /// <summary>The action waiting for "yes" (absent, cancel), with its booking; null when nothing is asked.</summary>
    public (int BookingId, DeskAction Action)? Asking { get; private set; }

    /// <summary>The booking just marked absent, offered to undo at the top of the board.</summary>
    [TempData]
    public int? JustAbsent { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Board = await board.LoadAsync(cancellationToken);

    /// <summary>The desk told the family in person: the message is done.</summary>
    public async Task<IActionResult> OnPostToldAsync(long dispatchId, CancellationToken cancellationToken)
    {
        if (await db.Set<Messaging.Dispatch>().FindAsync([dispatchId], cancellationToken) is not { } dispatch)
        {
            return NotFound();
        }

        dispatch.MarkToldInPerson(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    /// <remarks>
    /// Absent and cancel give a slot away, so a first post only asks (the board shows the question on the
    /// booking's row, no script needed); the answer "yes" posts again with <paramref name="confirm"/>.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync(int bookingId, DeskAction action, bool confirm, CancellationToken cancellationToken)
    {
        if (action is DeskAction.NoShow or DeskAction.Cancel && !confirm)
        {
            Board = await board.LoadAsync(cancellationToken);
            Asking = (bookingId, action);
            return Page();
        }

        var user = CurrentUser.From(User);
        var (found, refusal) = await actions.ApplyAsync(bookingId, action, new Bookings.Actor(user.BookedAs, user.UserId), cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        TempData["Message"] = refusal is null ? l[$"Board.Done.{action}"].Value
            : action == DeskAction.UndoNoShow && refusal.Rule is Domain.Bookings.Rule.SlotTaken or Domain.Bookings.Rule.TooLate
                ? l[$"Board.Undo.{refusal.Rule}"].Value
                : l[$"Rule.{refusal.Rule}"].Value;
        JustAbsent = action == DeskAction.NoShow && refusal is null ? bookingId : null;
        return RedirectToPage();
    }
}
