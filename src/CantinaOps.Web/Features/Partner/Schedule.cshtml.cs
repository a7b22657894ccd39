using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Print;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>The partner's schedule for a month: PDF for its mailbox, or the print-friendly page.</summary>
public sealed class ScheduleModel(PrintQueries queries) : PartnerPage
{
    public PartnerScheduleModel Schedule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? month, string? format, CancellationToken cancellationToken)
    {
        var day = DateWindow.ParseMonth(month) ?? await queries.TodayAsync(cancellationToken);
        Schedule = (await queries.PartnerScheduleAsync(PartnerId, day, cancellationToken))!;
        ViewData["Pdf"] = $"?month={day:uuuu-MM}&format=pdf";
        return format == "pdf" ? File(PdfDocuments.PartnerSchedule(Schedule), "application/pdf", $"planning-{day:uuuu-MM}.pdf") : Page();
    }
}
