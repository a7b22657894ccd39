using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Infrastructure;
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

    /// <summary>The booking the desk just acted on, offered to undo at the top of the board.</summary>
    [TempData]
    public int? JustDone { get; set; }

    /// <summary>The undo that takes back what a booking in <paramref name="status"/> became by the desk's last action.</summary>
    public static DeskAction? UndoOf(Domain.Bookings.BookingStatus status) => status switch
    {
        Domain.Bookings.BookingStatus.CheckedIn => DeskAction.UndoCheckIn,
        Domain.Bookings.BookingStatus.NoShow => DeskAction.UndoNoShow,
        Domain.Bookings.BookingStatus.Cancelled => DeskAction.UndoCancel,
        Domain.Bookings.BookingStatus.Completed => DeskAction.UndoComplete,
        _ => null,
    };

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

        TempData["Message"] = refusal is null ? l[$"Board.Done.{action}"].Value : RefusalText(action, refusal);
        JustDone = refusal is null && action is DeskAction.CheckIn or DeskAction.NoShow or DeskAction.Cancel or DeskAction.Complete
            ? bookingId : null;
        return RedirectToPage();
    }

    private string RefusalText(DeskAction action, Domain.Bookings.Refusal refusal) => (action, refusal.Rule) switch
    {
        // The family booked another slot since the cancel: the board says how full its week is.
        (DeskAction.UndoCancel, Domain.Bookings.Rule.QuotaReached) => l.Explain(refusal),
        (DeskAction.UndoNoShow, Domain.Bookings.Rule.SlotTaken or Domain.Bookings.Rule.TooLate) => l[$"Board.Undo.{refusal.Rule}"].Value,
        (DeskAction.UndoCancel, Domain.Bookings.Rule.SlotTaken) => l["Board.UndoCancel.SlotTaken"].Value,
        (DeskAction.UndoCheckIn or DeskAction.UndoCancel or DeskAction.UndoComplete, Domain.Bookings.Rule.TooLate) =>
            l["Board.Undo.Expired", (int)Domain.Bookings.Booking.UndoWindow.TotalMinutes].Value,
        _ => l[$"Rule.{refusal.Rule}"].Value,
    };
}
