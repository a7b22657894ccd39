using CantinaOps.Domain.Bookings;
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

    public async Task<IActionResult> OnPostAsync(int bookingId, DeskAction action, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(User);
        var (found, refusal) = await actions.ApplyAsync(bookingId, action, new Bookings.Actor(user.BookedAs, user.UserId), cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        TempData["Message"] = refusal is null ? l[$"Board.Done.{action}"].Value : l[$"Rule.{refusal.Rule}"].Value;
        return RedirectToPage();
    }
}
