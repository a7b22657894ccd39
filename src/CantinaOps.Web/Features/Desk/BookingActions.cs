using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

public enum DeskAction
{
    CheckIn,
    NoShow,
    Cancel,
    Complete,

    /// <summary>Gives back a booking marked absent, with its place, and takes back its strike.</summary>
    UndoNoShow,
}

/// <summary>
/// Check in, mark absent, undo an absence, cancel, complete: one path for the board, the API and the no-show
/// job. Each action asks the booking (the domain decides what it may become), writes its audit entry and saves once.
/// </summary>
public sealed class BookingActions(CantinaOpsDb db, BookingService bookings, AuditLog audit, IClock clock)
{
    /// <returns>Found is false for an unknown booking; Refusal is null when done.</returns>
    public async Task<(bool Found, Refusal? Refusal)> ApplyAsync(int bookingId, DeskAction action, Actor actor,
        CancellationToken cancellationToken, string? reason = null)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return (false, null);
        }

        if (action == DeskAction.Cancel)
        {
            return (true, await bookings.CancelAsync(booking, actor, reason, cancellationToken));
        }

        if (action == DeskAction.UndoNoShow)
        {
            return (true, (await UndoNoShowAsync(booking, cancellationToken)).Refusal);
        }

        var now = clock.GetCurrentInstant();
        var refusal = action switch
        {
            DeskAction.CheckIn => booking.CheckIn(now, booking.HouseholdId is { } household
                ? await db.Households.Where(h => h.Id == household).Select(h => (int?)h.Size).SingleAsync(cancellationToken)
                : null),
            DeskAction.NoShow => booking.MarkNoShow(now),
            DeskAction.Complete => booking.Complete(now),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (refusal is not null)
        {
            return (true, refusal);
        }

        var code = booking.HouseholdId is { } id
            ? await db.Households.Where(h => h.Id == id).Select(h => h.Code).SingleAsync(cancellationToken)
            : $"partner {booking.PartnerId}";
        audit.Record($"booking.{action.ToString().ToLowerInvariant()}", $"booking {booking.Id}", code);
        await db.SaveChangesAsync(cancellationToken);
        if (action == DeskAction.NoShow && booking.HouseholdId is { } householdId)
        {
            await CountAbsencesAsync([householdId], cancellationToken);
        }

        return (true, null);
    }

    /// <summary>
    /// Under the booking write lock (the place may be given to a walk-in at the same moment): the booking takes
    /// its slot and place back if nobody holds them, and the strike it counted is gone — a pause it caused is lifted.
    /// </summary>
    private Task<Outcome<Booking>> UndoNoShowAsync(Booking booking, CancellationToken cancellationToken) =>
        bookings.InTransactionAsync(async () =>
        {
            await db.Entry(booking).ReloadAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            var markedAt = booking.NoShowAt;
            var held = await db.HeldTimesAsync([booking.ResourceId], booking.Start, booking.End, cancellationToken);
            if (booking.UndoNoShow(now, held) is { } refusal)
            {
                return Outcome<Booking>.Refused(refusal);
            }

            var code = $"partner {booking.PartnerId}";
            if (booking.HouseholdId is { } householdId)
            {
                var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
                code = household.Code;
                var policy = NoShowPolicy.Of(await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken));
                var windowStart = policy.WindowStart(now);
                var left = await db.Bookings.CountAsync(b => b.HouseholdId == householdId && b.Id != booking.Id
                    && b.Status == BookingStatus.NoShow && b.Start >= windowStart, cancellationToken);
                if (markedAt is { } at && policy.UndoLiftsPause(household, at, left, now))
                {
                    household.LiftPause();
                    audit.Record("household.self-booking-resumed", household.Code, $"{left} no-shows");
                }
            }

            audit.Record("booking.undo-noshow", $"booking {booking.Id}", code);
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);

    /// <summary>
    /// After absences were marked (by the desk or the job), applies the site's <see cref="NoShowPolicy"/>:
    /// a household with too many absences lately books only through the desk for a while, and is told.
    /// </summary>
    public async Task CountAbsencesAsync(IReadOnlyCollection<int> householdIds, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var policy = NoShowPolicy.Of(site);
        var windowStart = policy.WindowStart(now);
        foreach (var householdId in householdIds)
        {
            var absences = await db.Bookings.Where(b => b.HouseholdId == householdId && b.Status == BookingStatus.NoShow && b.Start >= windowStart)
                .OrderByDescending(b => b.Start).Select(b => b.Id).ToListAsync(cancellationToken);
            var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
            if (policy.PauseUntil(household, absences.Count, now) is { } until)
            {
                household.PauseSelfBooking(until);
                audit.Record("household.self-booking-paused", household.Code, $"{absences.Count} no-shows");
            }

            if (absences.Count > 0)
            {
                db.Notices.Add(new Notice(NoticeKind.NoShowWarning, absences[0], householdId, null, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
