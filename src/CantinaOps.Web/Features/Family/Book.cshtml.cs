using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Family;

/// <summary>A family picks a day card, then a time; the app gives it a free machine and a ticket.</summary>
public sealed class BookModel(FamilyBookings bookings, Waitlist.WaitlistService waitlist, FamilyNames names, IStringLocalizer<SharedResource> l)
    : FamilyPage
{
    [BindProperty(SupportsGet = true)] public int Space { get; set; }
    [BindProperty(SupportsGet = true)] public ResourceKind Kind { get; set; } = ResourceKind.Washer;
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }

    public string SpaceName { get; private set; } = string.Empty;
    public IReadOnlyList<LocalDate> Days { get; private set; } = [];
    public LocalDate ChosenDay { get; private set; }
    public FamilyBookings.DayOffer Offer { get; private set; } = null!;
    public bool OnWaitlist { get; private set; }

    /// <summary>A full day the family may wait for (the waitlist's own rules: open, within its quota).</summary>
    public bool CanWait { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var household = await bookings.HouseholdAsync(HouseholdId, cancellationToken);
        var site = await bookings.SiteAsync(cancellationToken);
        if (household is null || SiteDateTimeText.Parse(Start) is not { } start || site.Spaces.All(s => s.Id != Space))
        {
            return BadRequest();
        }

        var at = site.Zone.Resolve(start.Local, start.Offset);
        var outcome = at.IsSuccess ? await bookings.BookAsync(household, Space, Kind, at.Value, cancellationToken) : default;
        if (!at.IsSuccess || !outcome.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l[$"Rule.{(at.Refusal ?? outcome.Refusal)!.Rule}"]);
            return await LoadAsync(cancellationToken);
        }

        return RedirectToPage("/Family/Ticket", new { id = outcome.Value!.Id, fresh = true });
    }

    public async Task<IActionResult> OnPostWaitlistAsync(CancellationToken cancellationToken)
    {
        if (DateWindow.ParseDate(Day) is not { } day)
        {
            return BadRequest();
        }

        var outcome = await waitlist.JoinAsync(HouseholdId, Space, day, new Bookings.Actor(BookedBy.Household, null), cancellationToken);
        if (outcome is not { } joined)
        {
            return NotFound();
        }

        if (!joined.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l[$"Rule.{joined.Refusal!.Rule}"]);
            return await LoadAsync(cancellationToken);
        }

        TempData["Message"] = l["Family.Waitlist.Joined"].Value;
        return RedirectToPage(new { space = Space, kind = Kind, day = Day });
    }

    public async Task<IActionResult> OnPostLeaveWaitlistAsync(CancellationToken cancellationToken)
    {
        if (DateWindow.ParseDate(Day) is not { } day)
        {
            return BadRequest();
        }

        await waitlist.LeaveAsync(HouseholdId, Space, day, new Bookings.Actor(BookedBy.Household, null), cancellationToken);
        TempData["Message"] = l["Family.Waitlist.Left"].Value;
        return RedirectToPage(new { space = Space, kind = Kind, day = Day });
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var site = await bookings.SiteAsync(cancellationToken);
        var space = site.Spaces.FirstOrDefault(s => s.Id == Space && s.Kind != SpaceKind.ProfessionalKitchen);
        if (space is null)
        {
            return NotFound();
        }

        SpaceName = names.Of(space.Kind);
        Days = await bookings.DaysAsync(Space, cancellationToken);
        // Any day up to the horizon, not only the cards: "next open day" and "next week" may lie beyond them.
        ChosenDay = DateWindow.ParseDate(Day) is { } d && d >= Days[0] && d <= await bookings.LastDayAsync(Space, cancellationToken) ? d : Days[0];
        var household = await bookings.HouseholdAsync(HouseholdId, cancellationToken);
        if (household is null)
        {
            return NotFound();
        }

        Offer = await bookings.DayAsync(household, Space, Kind, ChosenDay, cancellationToken);
        OnWaitlist = (await waitlist.OpenDaysAsync(HouseholdId, Space, cancellationToken)).Contains(ChosenDay);
        CanWait = Offer.State == FamilyBookings.DayState.Full
            && await waitlist.CheckAsync(HouseholdId, Space, ChosenDay, new Bookings.Actor(BookedBy.Household, null), cancellationToken) is null;
        return Page();
    }
}
