using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Waitlist;

/// <summary>
/// Offers freed slots to the waitlist in order of wishes: the first free slot of that day is booked for
/// the household (quotas and every other rule apply as for any booking) and it is told by a notice.
/// Chosen over a time-limited confirmation link: families rarely read messages in time, and the desk or
/// the family can cancel in one tap if the slot does not suit. Wishes of days gone by are closed.
/// </summary>
public sealed class WaitlistJob(CantinaOpsDb db, ScheduleCache rules, WaitlistService waitlist, IClock clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        var today = site.Zone.Today(now);
        var expired = await db.Waitlist.Where(w => w.ClosedAt == null && w.Day < today).ToListAsync(cancellationToken);
        expired.ForEach(w => w.Close(now));
        await db.SaveChangesAsync(cancellationToken);

        // Ids only: each wish is served in its own transaction, so one failure cannot undo the others.
        var wishes = await db.Waitlist.Where(w => w.ClosedAt == null).OrderBy(w => w.CreatedAt).Select(w => w.Id)
            .Take(200).ToListAsync(cancellationToken);
        var booked = 0;
        foreach (var wish in wishes)
        {
            booked += await waitlist.ServeAsync(wish, cancellationToken) ? 1 : 0;
        }

        return booked;
    }
}
