using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
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

    /// <summary>Takes back an arrival: the booking waits for its family again.</summary>
    UndoCheckIn,

    /// <summary>Gives back a cancelled booking, with its slot and place, if nobody took them meanwhile.</summary>
    UndoCancel,

    /// <summary>Takes back a completion: the session is under way again.</summary>
    UndoComplete,
}

/// <summary>
/// Check in, mark absent, cancel, complete, and undo each of them: one path for the board, the API and the no-show
/// job. Each action asks the booking (the domain decides what it may become), writes its audit entry and saves once.
/// </summary>
public sealed class BookingActions(CantinaOpsDb db, BookingService bookings, ScheduleCache rules, AuditLog audit, IClock clock)
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

        if (action is DeskAction.UndoNoShow or DeskAction.UndoCheckIn or DeskAction.UndoCancel or DeskAction.UndoComplete)
        {
            return (true, (await UndoAsync(booking, action, cancellationToken)).Refusal);
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
    /// Under the booking write lock (a freed place may be given to a walk-in at the same moment): the booking takes
    /// back what it was before the desk's action, with its slot and place if nobody holds them. Undoing an absence
    /// takes back its strike (a pause it caused is lifted); what the action had told the family, and was not sent
    /// yet, is withdrawn.
    /// </summary>
    private Task<Outcome<Booking>> UndoAsync(Booking booking, DeskAction action, CancellationToken cancellationToken) =>
        bookings.InTransactionAsync(async () =>
        {
            await db.Entry(booking).ReloadAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            var markedAt = booking.NoShowAt;
            var refusal = action switch
            {
                DeskAction.UndoNoShow => booking.UndoNoShow(now, await db.HeldTimesAsync([booking.ResourceId], booking.Start, booking.End, cancellationToken)),
                DeskAction.UndoCancel => booking.UndoCancel(now, await db.HeldTimesAsync([booking.ResourceId], booking.Start, booking.End, cancellationToken),
                    await WeekWithoutAsync(booking, cancellationToken)),
                DeskAction.UndoCheckIn => booking.UndoCheckIn(now),
                _ => booking.UndoComplete(now),
            };
            if (refusal is not null)
            {
                return Outcome<Booking>.Refused(refusal);
            }

            var code = $"partner {booking.PartnerId}";
            if (booking.HouseholdId is { } householdId)
            {
                var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
                code = household.Code;
                if (action == DeskAction.UndoNoShow)
                {
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
            }

            await WithdrawUntrueNoticesAsync(booking, cancellationToken);
            audit.Record(AuditName(action), $"booking {booking.Id}", code);
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);

    /// <summary>
    /// What the household's week counts without this (cancelled) booking, and whether taking it back goes over the
    /// quota; nothing to count for a partner's block.
    /// </summary>
    private async Task<QuotaCheck> WeekWithoutAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (booking.HouseholdId is not { } householdId || await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken) is not { } target)
        {
            return default;
        }

        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == householdId, cancellationToken);
        var week = await db.WeekBookingsAsync(target.Schedule.Zone, householdId, booking.Start, cancellationToken);
        return target.Schedule.Quota(household, target.Site.QuotaWeek(target.Schedule.Space.Kind, week.Where(b => b.Id != booking.Id)),
            target.Resource.Kind, new Interval(booking.Start, booking.End), new QuotaPolicy(target.Schedule.Space.Site.QuotaTiers));
    }

    private static string AuditName(DeskAction action) => action switch
    {
        DeskAction.UndoNoShow => "booking.undo-noshow",
        DeskAction.UndoCheckIn => "booking.undo-checkin",
        DeskAction.UndoCancel => "booking.undo-cancel",
        _ => "booking.undo-complete",
    };

    /// <summary>
    /// Notices of this booking that are no longer true (<see cref="Notice.StillTrue"/>) and have not gone out are
    /// dropped, with the messages planned from them. One already being sent cannot be stopped; the sender checks
    /// the same rule just before sending.
    /// </summary>
    private async Task WithdrawUntrueNoticesAsync(Booking booking, CancellationToken cancellationToken)
    {
        var untrue = (await db.Notices.Where(n => n.BookingId == booking.Id && n.DeliveredAt == null).ToListAsync(cancellationToken))
            .Where(n => !Notice.StillTrue(n.Kind, booking.Status)).ToList();
        if (untrue.Count == 0)
        {
            return;
        }

        var ids = untrue.Select(n => (int?)n.Id).ToList();
        foreach (var dispatch in await db.Set<Messaging.Dispatch>()
                     .Where(d => ids.Contains(d.NoticeId) && (d.Status == Messaging.DispatchStatus.Pending || d.Status == Messaging.DispatchStatus.ToTellInPerson))
                     .ToListAsync(cancellationToken))
        {
            dispatch.MarkObsolete();
        }

        db.Notices.RemoveRange(untrue);
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
