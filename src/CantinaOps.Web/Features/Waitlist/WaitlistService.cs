using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Waitlist;

/// <summary>
/// Join a waitlist, leave it, and serve a wish: one path for the family's page, the API and the waitlist
/// job. A wish is checked by the same rules as a booking (<see cref="SpaceSchedule.CheckWish"/>), so none is
/// kept that could never be served.
/// </summary>
public sealed class WaitlistService(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, BookingService bookings,
    AuditLog audit, IClock clock)
{
    /// <returns>Null when the household or space is unknown (or not a household space); otherwise the wish or the refusal.</returns>
    public async Task<Outcome<WaitlistEntry>?> JoinAsync(int householdId, int spaceId, LocalDate day, Actor actor,
        CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null || site.Spaces.FirstOrDefault(s => s.Id == spaceId) is not { } space)
        {
            return null;
        }

        if (!DateWindow.Contains(day))
        {
            return Outcome<WaitlistEntry>.Refused(DateWindow.Refusal("day"));
        }

        var now = clock.GetCurrentInstant();
        if (await CheckAsync(site, space, household, actor, day, now, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var existing = await db.Waitlist.FirstOrDefaultAsync(w => w.HouseholdId == householdId && w.SpaceId == spaceId && w.Day == day
            && w.ClosedAt == null, cancellationToken);
        if (existing is not null)
        {
            return Outcome<WaitlistEntry>.Success(existing);
        }

        var wish = new WaitlistEntry(householdId, spaceId, day, now);
        db.Waitlist.Add(wish);
        audit.Record("waitlist.join", household.Code, $"space {spaceId} on {day:yyyy-MM-dd} by {actor.As}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<WaitlistEntry>.Success(wish);
    }

    /// <returns>False when the household had no open wish for that day.</returns>
    public async Task<bool> LeaveAsync(int householdId, int spaceId, LocalDate day, Actor actor, CancellationToken cancellationToken)
    {
        var wishes = await db.Waitlist.Where(w => w.HouseholdId == householdId && w.SpaceId == spaceId && w.Day == day && w.ClosedAt == null)
            .ToListAsync(cancellationToken);
        if (wishes.Count == 0)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        wishes.ForEach(w => w.Close(now));
        var code = await db.Households.Where(h => h.Id == householdId).Select(h => h.Code).SingleAsync(cancellationToken);
        audit.Record("waitlist.leave", code, $"space {spaceId} on {day:yyyy-MM-dd} by {actor.As}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Why a household may not wait for a day (the same check as joining), or null when it may.</summary>
    public async Task<Refusal?> CheckAsync(int householdId, int spaceId, LocalDate day, Actor actor, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        return household is null || site.Spaces.FirstOrDefault(s => s.Id == spaceId) is not { } space
            ? new Refusal(Rule.HouseholdInactive, "Unknown household or space.")
            : await CheckAsync(site, space, household, actor, day, clock.GetCurrentInstant(), cancellationToken);
    }

    public Task<List<LocalDate>> OpenDaysAsync(int householdId, int spaceId, CancellationToken cancellationToken) =>
        db.Waitlist.Where(w => w.HouseholdId == householdId && w.SpaceId == spaceId && w.ClosedAt == null)
            .Select(w => w.Day).ToListAsync(cancellationToken);

    /// <summary>
    /// Tries to serve one wish with the first free slot of its day. The booking, the wish's closing and the
    /// family's notice commit together, so a wish is never served twice nor served without a word. A wish
    /// that can no longer be served (its day passed, the space closed that day) is closed; one refused for a
    /// reason that may change (quota, pause) waits.
    /// </summary>
    /// <returns>True when a booking was made.</returns>
    public async Task<bool> ServeAsync(int wishId, CancellationToken cancellationToken)
    {
        var wish = await db.Waitlist.SingleOrDefaultAsync(w => w.Id == wishId && w.ClosedAt == null, cancellationToken);
        if (wish is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == wish.HouseholdId, cancellationToken);
        var space = site.Spaces.FirstOrDefault(s => s.Id == wish.SpaceId);
        var actor = new Actor(BookedBy.Household, null);
        if (household is null || space is null || !DateWindow.Contains(wish.Day))
        {
            return await CloseAsync(wish, now, cancellationToken);
        }

        if (await CheckAsync(site, space, household, actor, wish.Day, now, cancellationToken) is { } refusal)
        {
            return refusal.Rule is Rule.QuotaReached or Rule.SelfBookingPaused or Rule.TooFarAhead
                ? false
                : await CloseAsync(wish, now, cancellationToken);
        }

        var kind = space.Kind == SpaceKind.Laundry ? ResourceKind.Washer : ResourceKind.CookingStation;
        var day = (await availability.RunAsync(site.SiteId, wish.Day, 1, s => s.Id == wish.SpaceId, cancellationToken)).Single();
        var earliest = now + space.MinimumNotice;
        foreach (var free in day.Slots.Where(a => a.Free && a.Slot.Start >= earliest
                     && space.Resources.First(r => r.Id == a.Slot.ResourceId).Kind == kind).OrderBy(a => a.Slot.Start))
        {
            var target = site.Resource(free.Slot.ResourceId)!.Value;
            var outcome = await bookings.BookForHouseholdAsync(new ResourceRules(site, target.Resource, target.Schedule), free.Slot.Start,
                household, actor, cancellationToken, then: booking =>
                {
                    // A slot taken meanwhile clears the tracker (see BookingService.InTransactionAsync): track the wish again.
                    db.Waitlist.Attach(wish);
                    wish.Close(now);
                    db.Notices.Add(new Notice(NoticeKind.WaitlistBooked, booking.Id, household.Id, null, now));
                    audit.Record("waitlist.served", household.Code, $"booking {booking.Id}");
                });
            if (outcome.IsSuccess)
            {
                return true;
            }

            if (outcome.Refusal!.Rule is not Rule.SlotTaken)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The domain's wish check, with the household's bookings that count toward that day's week. The day is in the date window.</summary>
    private async Task<Refusal?> CheckAsync(ScheduleCache.SiteRules site, Space space, Domain.Households.Household household, Actor actor,
        LocalDate day, Instant now, CancellationToken cancellationToken)
    {
        var week = await db.WeekBookingsAsync(site.Zone, household.Id, site.Zone.AtStartOfDay(day).ToInstant(), cancellationToken);
        return site.Schedule(space.Id).CheckWish(household, actor.As, day, now, site.QuotaWeek(space.Kind, week),
            new QuotaPolicy(space.Site.QuotaTiers));
    }

    private async Task<bool> CloseAsync(WaitlistEntry wish, Instant now, CancellationToken cancellationToken)
    {
        wish.Close(now);
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }
}
