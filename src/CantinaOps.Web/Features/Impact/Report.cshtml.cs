using System.Globalization;
using CantinaOps.Domain.Impact;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// The printable impact report of a period: the coordinator writes its text here (kept with the period),
/// funders read it, and both download the PDF.
/// </summary>
public sealed class ReportModel(ImpactReports reports, ScheduleCache rules, CantinaOpsDb db, IClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Space { get; set; }
    [BindProperty] public string? Text { get; set; }

    public ImpactRequest Asked { get; private set; } = null!;
    public ImpactReport? Saved { get; private set; }
    public LocalDate? WrittenOn => Saved?.WrittenAt?.InZone(_zone).Date;
    private DateTimeZone _zone = DateTimeZone.Utc;
    public bool CanWrite => User.IsInRole(Roles.Coordinator);
    public int MostCharacters => ImpactReport.MostCharacters;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await ParseAsync(cancellationToken))
        {
            return Page();
        }

        Saved = await reports.FindAsync(Asked, cancellationToken);
        Text = Saved?.Text;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await ParseAsync(cancellationToken))
        {
            return Page();
        }

        var pdf = await reports.PdfAsync(Asked, l, CultureInfo.CurrentUICulture, cancellationToken);
        return File(pdf, "application/pdf", $"impact-{Asked.From:uuuu-MM-dd}-{Asked.To:uuuu-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Funders read the report; only a coordinator writes its text.
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await ParseAsync(cancellationToken))
        {
            return Page();
        }

        if (!await reports.WriteAsync(Asked, Text, User.Identity?.Name ?? "?", cancellationToken))
        {
            // What was typed stays in the box, to be shortened.
            ModelState.AddModelError(nameof(Text), l["Impact.Report.TooLong", MostCharacters, Text?.Length ?? 0]);
            Saved = await reports.FindAsync(Asked, cancellationToken);
            return Page();
        }

        TempData["Saved"] = true;
        return RedirectToPage(new { From, To, Space });
    }

    /// <summary>The period as the dashboard reads it; a wrong one is said and this month is shown instead.</summary>
    private async Task<bool> ParseAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        _zone = site.Zone;
        if (From is null && To is null)
        {
            var (first, last) = ImpactRequest.Preset(null, clock.GetCurrentInstant().InZone(site.Zone).Date);
            (From, To) = (Iso(first), Iso(last));
        }

        var (request, field, _) = ImpactRequest.Parse(From, To, Space, null, site);
        if (request is null)
        {
            ModelState.AddModelError(field!, l[$"Impact.Invalid.{field}"]);
            var (first, last) = ImpactRequest.Preset(null, clock.GetCurrentInstant().InZone(site.Zone).Date);
            Asked = new ImpactRequest(first, last, null, Grouping.None);
            return false;
        }

        Asked = request;
        return true;
    }

    public static string Iso(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
