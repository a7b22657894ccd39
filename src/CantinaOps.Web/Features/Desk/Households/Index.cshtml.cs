using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>Find a household by code, name, phone or hotel; before a search, the households seen lately.</summary>
public sealed class IndexModel(BookFlow flow) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The page of results, from 1.</summary>
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public BookFlow.Page? Results { get; private set; }

    public IReadOnlyList<BookFlow.Found> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            Recent = await flow.RecentlySeenAsync(cancellationToken);
            return;
        }

        Results = await flow.SearchAsync(Q, P, cancellationToken);
    }
}
