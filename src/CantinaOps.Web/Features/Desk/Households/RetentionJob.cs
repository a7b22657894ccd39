using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// Every night: households with neither a booking nor a registration in the retention period (24 months
/// by default) lose what could identify or reach them — name, phone, hotel, way in, calendar feed. Their
/// code, size and bookings stay for the statistics. Logs and the audit trail name the code only.
/// </summary>
public sealed class RetentionJob(CantinaOpsDb db, AuditLog audit, IClock clock, Microsoft.Extensions.Options.IOptions<RetentionOptions> options)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now - Duration.FromDays(30 * options.Value.Months);
        var stale = await db.Households
            .Where(h => h.AnonymisedAt == null && h.CreatedAt < cutoff && !db.Bookings.Any(b => b.HouseholdId == h.Id && b.End > cutoff))
            .Take(1000).ToListAsync(cancellationToken);
        foreach (var household in stale)
        {
            household.Anonymise(now);
            audit.Record("household.anonymised", household.Code);
        }

        var ids = stale.Select(h => h.Id).ToList();
        await db.HouseholdAccess.Where(a => ids.Contains(a.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
        await db.Feeds.Where(f => f.HouseholdId != null && ids.Contains(f.HouseholdId.Value) && f.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.RevokedAt, now), cancellationToken);
        // Counted sign-in failures matter for a lockout's 15 minutes; a day later they are only a trace.
        var day = now - Duration.FromDays(1);
        await db.SignInFailures.Where(f => f.LastFailureAt < day).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }
}
