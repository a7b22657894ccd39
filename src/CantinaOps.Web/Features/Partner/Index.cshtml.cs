using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Partner;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>The partner's calendar: its blocks week by week, to cancel, move or report.</summary>
public sealed class IndexModel(PartnerCalendar calendar, PartnerScheduling scheduling, IStringLocalizer<SharedResource> l) : PartnerPage
{
    public string Partner { get; private set; } = string.Empty;
    public IReadOnlyList<PartnerCalendar.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? from, CancellationToken cancellationToken)
    {
        var first = DateWindow.ParseDate(from);
        (Partner, Entries) = await calendar.LoadAsync(PartnerId, first, 10, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, bool following, CancellationToken cancellationToken)
    {
        var refusal = await scheduling.CancelAsync(PartnerId, id, following, Actor, cancellationToken);
        TempData["Message"] = refusal is null ? l["Partner.Cancelled"].Value : l[$"Rule.{refusal.Rule}"].Value;
        return RedirectToPage();
    }
}
