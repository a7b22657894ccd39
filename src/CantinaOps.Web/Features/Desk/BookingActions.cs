using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

public enum DeskAction
{
    CheckIn,
    NoShow,
    Cancel,
    Complete,
}

/// <summary>
/// Check in, mark absent, cancel, complete: one path for the board, the API and the no-show job. Each
/// action asks the booking (the domain decides what it may become), writes its audit entry and saves once.
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
