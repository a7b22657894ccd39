using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Audit;

/// <summary>The audit trail for coordinators: filtered by who, what and when, newest first, paged, exported as CSV.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class IndexModel(AuditQuery audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? What { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditQuery.Page Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var filter = new AuditQuery.Filter(Cut(Who), Cut(What), DateWindow.ParseDate(From), DateWindow.ParseDate(To));
        if (format == "csv")
        {
            return File(await audit.CsvAsync(filter, cancellationToken), "text/csv; charset=utf-8", "audit.csv");
        }

        Result = await audit.PageAsync(filter, PageNumber, cancellationToken);
        return Page();
    }

    /// <summary>The query string as the filter form holds it, for the paging and export links.</summary>
    public Dictionary<string, string> Route(int? page = null, string? format = null)
    {
        var values = new Dictionary<string, string?> { ["who"] = Who, ["what"] = What, ["from"] = From, ["to"] = To,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["format"] = format };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    private static string? Cut(string? text) => text is { Length: > 100 } ? text[..100] : text;
}
