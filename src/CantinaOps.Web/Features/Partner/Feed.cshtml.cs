using CantinaOps.Web.Features.Partner;
using Microsoft.AspNetCore.Mvc;

namespace CantinaOps.Web.Features.Partner;

/// <summary>The partner's private calendar address: shown once when made, revocable.</summary>
public sealed class FeedModel(CalendarFeeds feeds, Infrastructure.PublicLinks links) : PartnerPage
{
    public bool Active { get; private set; }
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Active = await feeds.HasActiveAsync(PartnerId, null, cancellationToken);

    public async Task OnPostRenewAsync(CancellationToken cancellationToken)
    {
        var token = await feeds.RenewAsync(PartnerId, null, cancellationToken);
        FeedUrl = links.To($"{CalendarFeeds.Path}/{token}.ics");
        Active = true;
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await feeds.RevokeAsync(PartnerId, null, cancellationToken);
        return RedirectToPage();
    }
}
