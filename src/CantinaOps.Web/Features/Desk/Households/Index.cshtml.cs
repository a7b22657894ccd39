using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>Find a household by code, name, phone or hotel.</summary>
public sealed class IndexModel(BookFlow flow) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<BookFlow.Found> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Results = string.IsNullOrWhiteSpace(Q) ? [] : await flow.SearchAsync(Q, cancellationToken);
}
