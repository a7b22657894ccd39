using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>
/// Releases bookings nobody checked in for: N minutes after the start (the site's grace) the booking
/// becomes a no-show and its slot is free for walk-ins. A household that reaches the site's number of
/// no-shows within its window cannot book by itself for a while (the desk still can, and can lift it).
/// Re-running finds nothing new to do: only confirmed bookings are released.
/// </summary>
public sealed class NoShowJob(CantinaOpsDb db, AuditLog audit, IClock clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var deadline = now - Duration.FromMinutes(site.NoShowGraceMinutes);
        var late = await db.Bookings.Where(b => b.Status == BookingStatus.Confirmed && b.HouseholdId != null && b.Start <= deadline)
            .Take(500).ToListAsync(cancellationToken);
        foreach (var booking in late)
        {
            booking.MarkNoShow(now);
            audit.Record("booking.noshow-released", $"booking {booking.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);

        var windowStart = now - Duration.FromDays(site.NoShowWindowDays);
        foreach (var householdId in late.Select(b => b.HouseholdId!.Value).Distinct())
        {
            var strikes = await db.Bookings.CountAsync(b => b.HouseholdId == householdId && b.Status == BookingStatus.NoShow && b.Start >= windowStart,
                cancellationToken);
            var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
            if (strikes >= site.NoShowStrikes && site.NoShowPauseDays > 0 && !household.IsSelfBookingPaused(now))
            {
                household.PauseSelfBooking(now + Duration.FromDays(site.NoShowPauseDays));
                audit.Record("household.self-booking-paused", household.Code, $"{strikes} no-shows");
            }

            var last = late.Last(b => b.HouseholdId == householdId);
            db.Notices.Add(new Notice(NoticeKind.NoShowWarning, last.Id, householdId, null, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return late.Count;
    }
}
