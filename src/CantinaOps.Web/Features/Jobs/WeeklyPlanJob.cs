using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Jobs;

/// <summary>
/// Every Friday: the hook for next week's plans. It records, once per week, that the plans of that week
/// are due; producing and sending the PDFs plugs in here.
/// </summary>
public sealed class WeeklyPlanJob(CantinaOpsDb db, AuditLog audit, IClock clock)
{
    public async Task<LocalDate> RunAsync(CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var nextMonday = clock.GetCurrentInstant().InZone(site.Zone).Date.Next(IsoDayOfWeek.Monday);
        var subject = $"week {nextMonday:yyyy-MM-dd}";
        if (!await db.Audit.AnyAsync(a => a.Action == "weekly-plan.due" && a.Subject == subject, cancellationToken))
        {
            audit.Record("weekly-plan.due", subject);
            await db.SaveChangesAsync(cancellationToken);
        }

        return nextMonday;
    }
}
