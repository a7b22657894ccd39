using System.Globalization;
using CantinaOps.Domain.Impact;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// The impact report of a period: the coordinator's text kept with it, and the PDF printed from the same
/// figures as the dashboard (<see cref="ImpactQueries"/>), with the same definitions and suppression.
/// </summary>
public sealed class ImpactReports(CantinaOpsDb db, ImpactQueries queries, ScheduleCache rules, AuditLog audit, IClock clock)
{
    public async Task<ImpactReport?> FindAsync(ImpactRequest request, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        return await db.ImpactReports.SingleOrDefaultAsync(r => r.SiteId == site.SiteId && r.From == request.From && r.To == request.To
            && r.SpaceId == request.SpaceId, cancellationToken);
    }

    /// <returns>False, keeping the text saved before, when the new one is too long.</returns>
    public async Task<bool> WriteAsync(ImpactRequest request, string? text, string by, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var report = await FindAsync(request, cancellationToken);
        if (report is null)
        {
            report = new ImpactReport(site.SiteId, request.From, request.To, request.SpaceId);
            db.ImpactReports.Add(report);
        }

        if (!report.Write(text, by, clock.GetCurrentInstant()))
        {
            return false;
        }

        audit.Record("impact.report", $"{request.From:uuuu-MM-dd} – {request.To:uuuu-MM-dd}", $"{report.Text.Length} characters");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<byte[]> PdfAsync(ImpactRequest request, IStringLocalizer l, CultureInfo culture, CancellationToken cancellationToken)
    {
        var view = await queries.ViewAsync(request with { GroupBy = Grouping.Month }, cancellationToken);
        var report = await FindAsync(request, cancellationToken);
        var site = await rules.DefaultAsync(db, cancellationToken);
        var siteName = await db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var space = view.Spaces.FirstOrDefault(s => s.Id == request.SpaceId)?.Name ?? l["Impact.AllSpaces"].Value;
        return ImpactReportPdf.Render(ImpactReportContent.Of(view, report, siteName, space,
            l["Print.PrintedOn", PdfDocuments.Stamp(clock.GetCurrentInstant(), site.Zone)], l, culture));
    }
}
