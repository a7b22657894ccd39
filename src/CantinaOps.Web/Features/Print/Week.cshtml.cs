using CantinaOps.Domain.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        var pdf = Infrastructure.Localization.PdfCanDraw(System.Globalization.CultureInfo.CurrentUICulture.Name);
        ViewData["Pdf"] = pdf ? $"?space={space}&week={day:uuuu-MM-dd}&format=pdf" : null;
        return format == "pdf" && pdf ? File(PdfDocuments.WeeklyPlan(plan), "application/pdf", $"plan-{space}-{day:uuuu-MM-dd}.pdf") : Page();
    }

    public sealed record RowSpan(int Row, int Span, PlanCell? Cell);

    /// <summary>
    /// A resource's column as table cells: each row goes to the booked cell that touches it before a free one
    /// (a 07:30 block takes the 07:00 row), and rows of one cell are merged, so booked time never looks free.
    /// </summary>
    public static List<RowSpan> Spans(PlanDay day, int resource, IReadOnlyList<PlanRow> rows)
    {
        var mine = day.Cells.Where(c => c.Resource == resource).ToList();
        var spans = new List<RowSpan>();
        for (var i = 0; i < rows.Count; i++)
        {
            var touching = mine.Where(c => c.From < rows[i].To && rows[i].From < c.To).ToList();
            var cell = touching.FirstOrDefault(c => c.Kind != PlanCellKind.Free) ?? touching.FirstOrDefault();
            if (spans.Count > 0 && spans[^1].Cell is { } previous && ReferenceEquals(previous, cell))
            {
                spans[^1] = spans[^1] with { Span = spans[^1].Span + 1 };
                continue;
            }

            spans.Add(new RowSpan(i, 1, cell));
        }

        return spans;
    }
}
