using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Family;

/// <summary>The ticket of one booking, to screenshot; after a wash, the dryer times to add.</summary>
public sealed class TicketModel(FamilyBookings bookings, IStringLocalizer<SharedResource> l) : FamilyPage
{
    public FamilyBookings.Ticket Ticket { get; private set; } = null!;
    public IReadOnlyList<FamilyBookings.TimeOption> DryerTimes { get; private set; } = [];
    public bool Fresh { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool fresh, CancellationToken cancellationToken)
    {
        // Only the family's own bookings: any other id is "not found".
        var ticket = (await bookings.TicketsAsync(HouseholdId, id, cancellationToken)).SingleOrDefault();
        if (ticket is null)
        {
            return NotFound();
        }

        (Ticket, Fresh) = (ticket, fresh);
        // A wash waiting to be moved gets no dry offer: the dry would follow a time that is about to change.
        if (ticket.Kind == ResourceKind.Washer && ticket.Status == Domain.Bookings.BookingStatus.Confirmed && !ticket.Stranded)
        {
            var after = SiteDateTimeText.Format((await bookings.SiteAsync(cancellationToken)).Zone.ToInstant(ticket.End),
                (await bookings.SiteAsync(cancellationToken)).Zone);
            DryerTimes = (await bookings.TimesAsync((await bookings.HouseholdAsync(HouseholdId, cancellationToken))!, ticket.SpaceId, ResourceKind.Dryer, ticket.Start.Date, cancellationToken))
                .Where(t => string.CompareOrdinal(t.Start, after) >= 0).Take(3).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDryerAsync(int id, string start, CancellationToken cancellationToken)
    {
        var wash = (await bookings.TicketsAsync(HouseholdId, id, cancellationToken)).SingleOrDefault();
        var household = await bookings.HouseholdAsync(HouseholdId, cancellationToken);
        var site = await bookings.SiteAsync(cancellationToken);
        if (wash is null || household is null || SiteDateTimeText.Parse(start) is not { } local)
        {
            return NotFound();
        }

        // A time that does not exist on the site's clock (the spring-forward gap, a wrong offset) is refused like any rule.
        var at = site.Zone.Resolve(local.Local, local.Offset);
        var outcome = at.IsSuccess ? await bookings.BookAsync(household, wash.SpaceId, ResourceKind.Dryer, at.Value, cancellationToken) : default;
        if (!at.IsSuccess || !outcome.IsSuccess)
        {
            TempData["Message"] = l[$"Rule.{(at.Refusal ?? outcome.Refusal)!.Rule}"].Value;
            return RedirectToPage(new { id });
        }

        return RedirectToPage(new { id = outcome.Value!.Id, fresh = true });
    }
}
