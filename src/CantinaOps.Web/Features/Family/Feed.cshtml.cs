using CantinaOps.Web.Features.Partner;

namespace CantinaOps.Web.Features.Family;

/// <summary>A family's own calendar address, for a phone's calendar app.</summary>
public sealed class FeedModel(CalendarFeeds feeds, Infrastructure.PublicLinks links) : FamilyPage
{
    public string? FeedUrl { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var token = await feeds.RenewAsync(null, HouseholdId, cancellationToken);
        FeedUrl = links.To($"{CalendarFeeds.Path}/{token}.ics");
    }
}
