using CantinaOps.Domain.Households;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Desk;

/// <summary>
/// Book for a household in a few taps: find it, pick a slot (or arrive with one from the board),
/// see its quota, confirm — with the dryer after a wash offered in the same step.
/// </summary>
public sealed class BookModel(BookFlow flow, ScheduleCache rules, CantinaOpsDb db, BookingService bookings,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? HouseholdId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Resource { get; set; }
    [BindProperty(SupportsGet = true)] public string? Start { get; set; }
    [BindProperty(SupportsGet = true)] public int? Space { get; set; }
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty] public string? Dryer { get; set; }

    /// <summary>A coordinator's reason for booking beyond the household's weekly quota.</summary>
    [BindProperty] public string? ExceptionReason { get; set; }

    public IReadOnlyList<BookFlow.Found> Results { get; private set; } = [];
    public int ResultsTotal { get; private set; }
    public Household? Household { get; private set; }
    public IReadOnlyList<BookFlow.Quota> Quotas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, Domain.Sites.SpaceKind Kind)> Spaces { get; private set; } = [];
    public LocalDate Today { get; private set; }
    public LocalDate? ChosenDay { get; private set; }
    public IReadOnlyList<BookFlow.FreeSlot> FreeSlots { get; private set; } = [];
    public ResourceRules? Slot { get; private set; }
    public IReadOnlyList<BookFlow.FreeSlot> DryerOffers { get; private set; } = [];
    public QuotaCheck? SlotQuota { get; private set; }
    public bool MayGrantException => QuotaException.MayGrant(CurrentUser.From(User).BookedAs);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var household = HouseholdId is { } id ? await flow.HouseholdAsync(id, cancellationToken) : null;
        var target = Resource is { } r ? await rules.ForResourceAsync(db, r, cancellationToken) : null;
        if (household is null || target is null || SiteDateTimeText.Parse(Start) is not { } start)
        {
            return BadRequest();
        }

        var actor = new Actor(CurrentUser.From(User).BookedAs, CurrentUser.From(User).UserId);
        var exception = QuotaException.For(ExceptionReason);
        if (!string.IsNullOrWhiteSpace(ExceptionReason) && exception is null)
        {
            ModelState.AddModelError(nameof(ExceptionReason), l["Book.ExceptionReasonTooLong", QuotaException.MaxReasonLength]);
            return await LoadAsync(cancellationToken);
        }

        var at = target.Schedule.Zone.Resolve(start.Local, start.Offset);
        var outcome = at.IsSuccess ? await bookings.BookForHouseholdAsync(target, at.Value, household, actor, cancellationToken, exception: exception) : default;
        if (!at.IsSuccess || !outcome.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l[$"Rule.{(at.Refusal ?? outcome.Refusal)!.Rule}"]);
            return await LoadAsync(cancellationToken);
        }

        var message = l["Book.Done", household.Code, target.Resource.Name, start.Local.ToString("dddd d MMMM HH:mm", null)].Value;
        if (Dryer?.Split('|') is [var dryerId, var dryerStart] && int.TryParse(dryerId, out var dryerResource)
            && await rules.ForResourceAsync(db, dryerResource, cancellationToken) is { } dryer
            && SiteDateTimeText.Parse(dryerStart) is { } ds
            && dryer.Schedule.Zone.Resolve(ds.Local, ds.Offset) is { IsSuccess: true } dryAt)
        {
            var dry = await bookings.BookForHouseholdAsync(dryer, dryAt.Value, household, actor, cancellationToken);
            message += " " + (dry.IsSuccess
                ? l["Book.DoneDryer", dryer.Resource.Name, ds.Local.ToString("HH:mm", null)].Value
                : l["Book.DryerRefused", l[$"Rule.{dry.Refusal!.Rule}"]].Value);
        }

        TempData["Message"] = message;
        return RedirectToPage("/Desk/Index");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        (Spaces, Today) = await flow.SpacesAsync(cancellationToken);
        if (HouseholdId is null)
        {
            var found = string.IsNullOrWhiteSpace(Q) ? null : await flow.SearchAsync(Q, 1, cancellationToken);
            (Results, ResultsTotal) = found is null ? ([], 0) : (found.Items, found.Total);
            return Page();
        }

        Household = await flow.HouseholdAsync(HouseholdId.Value, cancellationToken);
        if (Household is null)
        {
            return NotFound();
        }

        ChosenDay = DateWindow.ParseDate(Day) ?? Today;
        if (Resource is { } resourceId && SiteDateTimeText.Parse(Start) is { } start)
        {
            Slot = await rules.ForResourceAsync(db, resourceId, cancellationToken);
            if (Slot is null)
            {
                return NotFound();
            }

            ChosenDay = start.Local.Date;
            var at = Slot.Schedule.Zone.Resolve(start.Local, start.Offset);
            DryerOffers = at.IsSuccess ? await flow.DryerOffersAsync(Slot, at.Value, cancellationToken) : [];
            SlotQuota = at.IsSuccess ? await flow.SlotQuotaAsync(Household, Slot, at.Value, cancellationToken) : null;
        }
        else if (Space is { } spaceId)
        {
            FreeSlots = await flow.FreeSlotsAsync(spaceId, ChosenDay.Value, cancellationToken);
        }

        Quotas = await flow.QuotasAsync(Household, ChosenDay.Value, cancellationToken);
        return Page();
    }
}
