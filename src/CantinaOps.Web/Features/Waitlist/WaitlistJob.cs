using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Waitlist;

/// <summary>
/// Offers freed slots to the waitlist in order of wishes: the first free slot of that day is booked for
/// the household (quotas and every other rule apply as for any booking) and it is told by a notice.
/// Chosen over a time-limited confirmation link: families rarely read messages in time, and the desk or
/// the family can cancel in one tap if the slot does not suit.
/// </summary>
public sealed class WaitlistJob(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, BookingService bookings, IClock clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        var today = site.Zone.AtStartOfDay(now.InZone(site.Zone).Date).Date;
        var wishes = await db.Waitlist.Where(w => w.ClosedAt == null && w.Day >= today).OrderBy(w => w.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var booked = 0;
        foreach (var wish in wishes)
        {
            var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == wish.HouseholdId, cancellationToken);
            var space = site.Spaces.FirstOrDefault(s => s.Id == wish.SpaceId);
            if (household is null || !household.IsActive || space is null)
            {
                wish.Close(now);
                continue;
            }

            var kind = space.Kind == SpaceKind.Laundry ? ResourceKind.Washer : ResourceKind.CookingStation;
            var day = (await availability.RunAsync(site.SiteId, wish.Day, 1, s => s.Id == wish.SpaceId, cancellationToken)).Single();
            var earliest = now + space.MinimumNotice;
            foreach (var free in day.Slots.Where(a => a.Free && a.Slot.Start >= earliest
                         && space.Resources.First(r => r.Id == a.Slot.ResourceId).Kind == kind).OrderBy(a => a.Slot.Start))
            {
                var target = site.Resource(free.Slot.ResourceId)!.Value;
                var outcome = await bookings.BookForHouseholdAsync(new ResourceRules(site, target.Resource, target.Schedule), free.Slot.Start,
                    household, new Actor(BookedBy.Household, null), cancellationToken);
                if (outcome.IsSuccess)
                {
                    wish.Close(now);
                    db.Notices.Add(new Notice(NoticeKind.WaitlistBooked, outcome.Value!.Id, household.Id, null, now));
                    booked++;
                    break;
                }

                if (outcome.Refusal!.Rule is not Rule.SlotTaken)
                {
                    break; // quota reached, paused…: the wish waits for a change
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return booked;
    }
}
