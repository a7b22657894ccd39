using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>
/// Loads the site for editing and saves a change to its rules: recorded in the audit trail, the rules
/// cache dropped so the change applies at once, and the bookings it leaves outside the rules
/// (those that fitted before it) counted.
/// </summary>
public sealed class SiteSettings(CantinaOpsDb db, ScheduleCache rules, AuditLog audit, AffectedBookings affected)
{
    public Task<Site> LoadAsync(CancellationToken cancellationToken) =>
        db.Sites
            .Include(s => s.Spaces).ThenInclude(s => s.OpeningHours)
            .Include(s => s.Spaces).ThenInclude(s => s.Resources).ThenInclude(r => r.Outages)
            .Include(s => s.Closures).Include(s => s.SlotLengths).Include(s => s.QuotaTiers)
            .AsSplitQuery().OrderBy(s => s.Id).FirstAsync(cancellationToken);

    /// <summary>The bookings a change made in memory would leave outside the rules (and fit them before), shown before it is saved.</summary>
    public Task<IReadOnlyList<AffectedBookings.Item>> PreviewAsync(Site changed, CancellationToken cancellationToken) =>
        affected.ChangedByAsync(changed, cancellationToken);

    /// <returns>How many future bookings this change leaves outside the rules (to handle on the "affected" page).</returns>
    public async Task<int> SaveAsync(Site changed, string action, string subject, CancellationToken cancellationToken)
    {
        // Counted before saving: afterwards the rules as they stood are gone.
        var count = (await affected.ChangedByAsync(changed, cancellationToken)).Count;
        audit.Record(action, subject);
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return count;
    }
}
