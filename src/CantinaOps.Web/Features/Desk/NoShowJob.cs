using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>
/// Releases bookings nobody checked in for: the site's grace after the start, the booking becomes a
/// no-show and its slot is free for walk-ins; then the same absence count as when the desk marks one.
/// Re-running finds nothing new to do: only confirmed bookings are released, and never one whose absence the
/// desk undid (the family came late: releasing it again a minute later would undo the undo).
/// </summary>
public sealed class NoShowJob(CantinaOpsDb db, BookingActions actions, AuditLog audit, IClock clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var deadline = NoShowPolicy.Of(site).ReleaseBefore(now);
        var late = await db.Bookings.Where(b => b.Status == BookingStatus.Confirmed && b.HouseholdId != null && b.Start <= deadline
                && b.NoShowUndoneAt == null)
            .OrderBy(b => b.Start).Take(500).ToListAsync(cancellationToken);
        foreach (var booking in late)
        {
            booking.MarkNoShow(now);
            audit.Record("booking.noshow-released", $"booking {booking.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        await actions.CountAbsencesAsync(late.Select(b => b.HouseholdId!.Value).Distinct().ToList(), cancellationToken);
        return late.Count;
    }
}
