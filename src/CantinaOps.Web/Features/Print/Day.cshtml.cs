using CantinaOps.Web.Features.Print;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CantinaOps.Web.Features.Print;

/// <summary>The desk's day sheet: today's arrivals with a box to tick, room for walk-ins, who to tell in person.</summary>
public sealed class DayModel(PrintQueries queries) : PageModel
{
    public DaySheetModel Sheet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        Sheet = await queries.DaySheetAsync(cancellationToken);
        var pdf = Infrastructure.Localization.PdfCanDraw(System.Globalization.CultureInfo.CurrentUICulture.Name);
        ViewData["Pdf"] = pdf ? "?format=pdf" : null;
        return format == "pdf" && pdf ? File(PdfDocuments.DaySheet(Sheet), "application/pdf", "day-sheet.pdf") : Page();
    }
}
