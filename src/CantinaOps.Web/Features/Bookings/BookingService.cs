using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Bookings;

/// <summary>Who is asking for a booking, as far as the rules are concerned.</summary>
public sealed record Actor(BookedBy As, string? UserId);

/// <summary>
/// Creates and cancels bookings. Each creation runs in one transaction that holds the write lock,
/// re-reads what is held and asks the domain; the unique index is the backstop, and its violation is
/// reported as the same "slot taken" refusal.
/// </summary>
public sealed class BookingService(CantinaOpsDb db, IClock clock)
{
    public async Task<Outcome<Booking>> BookForHouseholdAsync(int resourceId, Instant start, int householdId, Actor actor,
        CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var (resource, schedule) = await LoadAsync(resourceId, now, cancellationToken);
            var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);

            var week = schedule.Zone.IsoWeekOf(start);
            var kind = schedule.Space.Kind;
            var siteId = schedule.Space.SiteId;
            var usedThisWeek = await db.Bookings.CountAsync(b => b.HouseholdId == householdId
                && b.Status != BookingStatus.Cancelled && b.Start >= week.Start && b.Start < week.End
                && db.Resources.Any(r => r.Id == b.ResourceId && r.Space.Kind == kind && r.Space.SiteId == siteId),
                cancellationToken);
            var held = await db.HeldTimesAsync([resourceId], start - Duration.FromDays(1), start + Duration.FromDays(1),
                cancellationToken);

            var check = schedule.CheckHouseholdSlot(resource, household, start, now, usedThisWeek,
                new QuotaPolicy(schedule.Space.Site.QuotaTiers), held);
            return check.IsSuccess
                ? Outcome<Booking>.Success(Booking.ForHousehold(resourceId, check.Value.Time, check.Value.Seat, householdId,
                    actor.As, actor.UserId, now))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);
    }

    public async Task<Outcome<Booking>> BookForPartnerAsync(int resourceId, Instant start, Instant end, int partnerId,
        Actor actor, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var now = clock.GetCurrentInstant();
            var (resource, schedule) = await LoadAsync(resourceId, now, cancellationToken);
            var held = await db.HeldTimesAsync([resourceId], start - Duration.FromDays(1), end + Duration.FromDays(1),
                cancellationToken);
            var check = schedule.CheckPartnerBlock(resource, start, end, now, held);
            return check.IsSuccess
                ? Outcome<Booking>.Success(Booking.ForPartner(resourceId, check.Value.Time, partnerId, actor.As, actor.UserId, now))
                : Outcome<Booking>.Refused(check.Refusal!);
        }, cancellationToken);
    }

    public async Task<Refusal?> CancelAsync(Booking booking, Actor actor, CancellationToken cancellationToken)
    {
        if (booking.Status == BookingStatus.Cancelled)
        {
            return null;
        }

        if (booking.Cancel(clock.GetCurrentInstant(), actor.As) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Outcome<Booking>> InTransactionAsync(Func<Task<Outcome<Booking>>> decide,
        CancellationToken cancellationToken)
    {
        await using var transaction = await Database.BeginBookingTransactionAsync(db, cancellationToken);
        var outcome = await decide();
        if (!outcome.IsSuccess)
        {
            return outcome;
        }

        db.Bookings.Add(outcome.Value!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Outcome<Booking>.Refused(Rule.SlotTaken, "That slot has just been taken.");
        }
    }

    private async Task<(Resource Resource, SpaceSchedule Schedule)> LoadAsync(int resourceId, Instant now,
        CancellationToken cancellationToken)
    {
        var space = await db.SpacesWithRules(now).AsNoTracking()
            .SingleAsync(s => s.Resources.Any(r => r.Id == resourceId), cancellationToken);
        return (space.Resources.Single(r => r.Id == resourceId), new SpaceSchedule(space));
    }
}
