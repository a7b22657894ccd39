using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Family;

/// <summary>The family's bookings, coming and past, with cancellation while the notice allows it.</summary>
public sealed class BookingsModel(FamilyBookings bookings, NodaTime.IClock clock, IStringLocalizer<SharedResource> l) : FamilyPage
{
    public IReadOnlyList<FamilyBookings.Ticket> Upcoming { get; private set; } = [];
    public IReadOnlyList<FamilyBookings.Ticket> Past { get; private set; } = [];
    public IReadOnlyList<FamilyBookings.SpaceCard> Quotas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = await bookings.SiteAsync(cancellationToken);
        var now = clock.GetCurrentInstant().InZone(site.Zone).LocalDateTime;
        var all = await bookings.TicketsAsync(HouseholdId, null, cancellationToken);
        Upcoming = all.Where(t => t.End > now && t.Status is Domain.Bookings.BookingStatus.Confirmed or Domain.Bookings.BookingStatus.CheckedIn)
            .OrderBy(t => t.Start).ToList();
        Past = all.Except(Upcoming).ToList();
        Quotas = await bookings.SpacesAsync((await bookings.HouseholdAsync(HouseholdId, cancellationToken))!, cancellationToken);
    }

    /// <summary>The booking whose cancellation waits for "yes"; null when nothing is asked.</summary>
    public int? Asking { get; private set; }

    /// <remarks>A first post only asks, on the booking's row (no script needed); "yes" posts again with <paramref name="confirm"/>.</remarks>
    public async Task<IActionResult> OnPostCancelAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (!await bookings.OwnsAsync(HouseholdId, id, cancellationToken))
        {
            return NotFound();
        }

        if (!confirm)
        {
            await OnGetAsync(cancellationToken);
            Asking = id;
            return Page();
        }

        var refusal = await bookings.CancelAsync(HouseholdId, id, cancellationToken);
        TempData["Message"] = refusal is null ? l["Family.Cancelled"].Value : l["Family.CancelTooLate"].Value;
        return RedirectToPage();
    }
}
