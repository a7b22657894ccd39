using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Print;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Print;

/// <summary>A space's weekly plan for the wall: PDF, or its print-friendly HTML twin.</summary>
public sealed class WeekModel(PrintQueries queries) : PageModel
{
    public WeeklyPlanModel Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int space, string? week, string? format, CancellationToken cancellationToken)
    {
        var day = DateWindow.ParseDate(week) ?? await queries.TodayAsync(cancellationToken);
        if (await queries.WeeklyPlanAsync(space, day, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        ViewData["Pdf"] = $"?space={space}&week={day:uuuu-MM-dd}&format=pdf";
        return format == "pdf" ? File(PdfDocuments.WeeklyPlan(plan), "application/pdf", $"plan-{space}-{day:uuuu-MM-dd}.pdf") : Page();
    }
}
