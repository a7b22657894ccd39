using CantinaOps.Domain.Scheduling;
using NodaTime;

namespace CantinaOps.Domain.Bookings;

public enum BookingStatus
{
    Confirmed = 1,
    CheckedIn = 2,
    Completed = 3,
    Cancelled = 4,
    NoShow = 5,

    /// <summary>A partner's request waiting for the coordinator; it already holds its time.</summary>
    Pending = 6,
    Declined = 7,

    /// <summary>An occurrence of a series deliberately not held (a closure, a conflict the partner chose to skip).</summary>
    Skipped = 8,
}

/// <summary>Who made (or cancelled) a booking.</summary>
public enum BookedBy
{
    Household = 1,
    Desk = 2,
    Partner = 3,
    Coordinator = 4,
}

/// <summary>
/// A household's slot on a family resource, or a partner's block on the professional kitchen.
/// </summary>
public sealed class Booking
{
    private Booking()
    {
    }

    private Booking(int resourceId, Interval time, int seat, int? householdId, int? partnerId,
        BookedBy by, string? byUserId, Instant now)
    {
        ResourceId = resourceId;
        Start = time.Start;
        End = time.End;
        HeldFrom = time.Start;
        Seat = seat;
        HouseholdId = householdId;
        PartnerId = partnerId;
        Status = BookingStatus.Confirmed;
        MadeBy = by;
        MadeByUserId = byUserId;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ResourceId { get; private set; }
    public int? HouseholdId { get; private set; }
    public int? PartnerId { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }

    /// <summary>
    /// Equals <see cref="Start"/> while the booking holds its slot and becomes null once the slot is
    /// given back (cancelled, no-show). The database's unique index on (resource, held-from, seat)
    /// is the last guard against a double booking; nulls never collide, so a freed slot can be taken again.
    /// </summary>
    public Instant? HeldFrom { get; private set; }

    /// <summary>Which of the resource's places this booking uses (always 1 when capacity is 1).</summary>
    public int Seat { get; private set; }

    public BookingStatus Status { get; private set; }
    public BookedBy MadeBy { get; private set; }
    public string? MadeByUserId { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? CheckedInAt { get; private set; }
    public Instant? CompletedAt { get; private set; }
    public Instant? CancelledAt { get; private set; }
    public BookedBy? CancelledBy { get; private set; }

    /// <summary>What a cancelled booking was before (confirmed, or a partner's pending request), so an undo restores it exactly.</summary>
    public BookingStatus? CancelledFrom { get; private set; }
    public Instant? NoShowAt { get; private set; }

    /// <summary>When an absence was undone: the family came after all, so the no-show job leaves this booking alone.</summary>
    public Instant? NoShowUndoneAt { get; private set; }
    public Instant? MovedAt { get; private set; }

    /// <summary>The household's size when it was checked in (the impact figures' "people reached").</summary>
    public int? PeopleServed { get; private set; }

    /// <summary>Set for the occurrences of a partner's recurring series.</summary>
    public int? SeriesId { get; private set; }

    /// <summary>The series day this occurrence stands for (unique per series, so none is lost or doubled).</summary>
    public LocalDate? OccurrenceDay { get; private set; }

    public Instant? DecidedAt { get; private set; }

    /// <summary>Why it was declined or skipped.</summary>
    public string? Note { get; private set; }

    /// <summary>
    /// Raised by every change the domain makes (approve, decline, move, cancel, check-in…): a calendar
    /// client replaces the event it holds only when the SEQUENCE it reads is higher.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>When the last change was made (null: none since it was made).</summary>
    public Instant? ChangedAt { get; private set; }

    /// <summary>When the booking last changed, its creation included (a calendar's LAST-MODIFIED).</summary>
    public Instant LastModified => ChangedAt ?? CreatedAt;

    public bool IsActive => Status is BookingStatus.Confirmed or BookingStatus.Pending or BookingStatus.CheckedIn;

    public Interval Time => new(Start, End);

    public static Booking ForHousehold(int resourceId, Interval slot, int seat, int householdId,
        BookedBy by, string? byUserId, Instant now) =>
        new(resourceId, slot, seat, householdId, null, by, byUserId, now);

    public static Booking ForPartner(int resourceId, Interval block, int partnerId,
        BookedBy by, string? byUserId, Instant now, bool pending = false, int? seriesId = null, LocalDate? occurrence = null)
    {
        var booking = new Booking(resourceId, block, 1, null, partnerId, by, byUserId, now)
        {
            SeriesId = seriesId,
            OccurrenceDay = occurrence,
        };
        if (pending)
        {
            booking.Status = BookingStatus.Pending;
        }

        return booking;
    }

    /// <summary>An occurrence of a series that is kept on record but holds no time.</summary>
    public static Booking SkippedOccurrence(int resourceId, Interval block, int partnerId, int seriesId, LocalDate day,
        string reason, BookedBy by, string? byUserId, Instant now)
    {
        var booking = ForPartner(resourceId, block, partnerId, by, byUserId, now, false, seriesId, day);
        booking.Status = BookingStatus.Skipped;
        booking.HeldFrom = null;
        booking.Note = reason;
        return booking;
    }

    /// <summary>The coordinator accepts a partner's request; it already held its time.</summary>
    public Refusal? Approve(Instant now)
    {
        if (Status != BookingStatus.Pending)
        {
            return Invalid("be approved");
        }

        Status = BookingStatus.Confirmed;
        DecidedAt = now;
        Changed(now);
        return null;
    }

    public Refusal? Decline(Instant now, string reason)
    {
        if (Status != BookingStatus.Pending)
        {
            return Invalid("be declined");
        }

        if (reason.Length > MaxNoteLength)
        {
            return TooLongReason();
        }

        Status = BookingStatus.Declined;
        DecidedAt = now;
        Note = reason;
        HeldFrom = null;
        Changed(now);
        return null;
    }

    /// <param name="householdSize">The household's size at this visit (null for a partner's block), kept with the
    /// booking so the people reached stay true when the size changes or the household is anonymised.</param>
    public Refusal? CheckIn(Instant now, int? householdSize)
    {
        if (Status != BookingStatus.Confirmed)
        {
            return Invalid("check in");
        }

        Status = BookingStatus.CheckedIn;
        CheckedInAt = now;
        PeopleServed = householdSize;
        Changed(now);
        return null;
    }

    public Refusal? Complete(Instant now)
    {
        if (Status != BookingStatus.CheckedIn)
        {
            return Invalid("complete");
        }

        Status = BookingStatus.Completed;
        CompletedAt = now;
        Changed(now);
        return null;
    }

    /// <summary>
    /// Cancels the booking if <paramref name="by"/> may still do so (<see cref="CancellationPolicy"/>); the
    /// slot is free again. <paramref name="notice"/> is the space's minimum notice; <paramref name="reason"/>
    /// is kept with the booking (it is required to correct the record of a session that has started).
    /// </summary>
    public Refusal? Cancel(Instant now, BookedBy by, Duration notice, string? reason = null)
    {
        if (Status is not (BookingStatus.Confirmed or BookingStatus.Pending))
        {
            return Invalid("be cancelled");
        }

        if (CancellationPolicy.Refusal(this, by, now, notice, reason) is { } refusal)
        {
            return refusal;
        }

        if (reason?.Trim().Length > MaxNoteLength)
        {
            return TooLongReason();
        }

        CancelledFrom = Status;
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        CancelledBy = by;
        HeldFrom = null;
        Note = string.IsNullOrWhiteSpace(reason) ? Note : reason.Trim();
        Changed(now);
        return null;
    }

    /// <summary>Marks an absence and gives the slot back so a walk-in can take it.</summary>
    public Refusal? MarkNoShow(Instant now)
    {
        if (Status != BookingStatus.Confirmed || now < Start)
        {
            return Invalid("mark as no-show");
        }

        Status = BookingStatus.NoShow;
        NoShowAt = now;
        HeldFrom = null;
        Changed(now);
        return null;
    }

    /// <summary>
    /// Gives back a booking marked absent (by mistake, or the family came late): confirmed again on the same
    /// slot and the same place, while the slot has not ended and nobody else holds that place meanwhile.
    /// <paramref name="heldOnResource"/> is what the resource holds now (only the caller's storage knows it).
    /// </summary>
    public Refusal? UndoNoShow(Instant now, IEnumerable<HeldTime> heldOnResource)
    {
        if (Status != BookingStatus.NoShow)
        {
            return Invalid("have its absence undone");
        }

        if (now >= End)
        {
            return Refusal.Because(Rule.TooLate, "undo-over", $"This slot is over: its absence can no longer be undone.");
        }

        if (heldOnResource.Any(h => h.ResourceId == ResourceId && h.Seat == Seat && h.Start < End && Start < h.End))
        {
            return Refusal.Because(Rule.SlotTaken, "place-given", $"Its place was given to someone else meanwhile.");
        }

        Status = BookingStatus.Confirmed;
        NoShowAt = null;
        HeldFrom = Start;
        NoShowUndoneAt = now;
        Changed(now);
        return null;
    }

    /// <summary>
    /// How long after an arrival, a completion or a cancellation the desk may take it back: long enough to notice
    /// a wrong row, short enough that the figures and the family's ticket are not rewritten hours later.
    /// An absence is undone until its slot ends instead (a family arriving late is the common case).
    /// </summary>
    public static readonly Duration UndoWindow = Duration.FromMinutes(15);

    /// <summary>Whether the desk's last action on this booking (arrived, absent, cancelled, completed) can still be taken back.</summary>
    public bool CanBeUndone(Instant now) => Status switch
    {
        BookingStatus.CheckedIn => CheckedInAt is { } at && now - at <= UndoWindow,
        BookingStatus.Completed => CompletedAt is { } at && now - at <= UndoWindow,
        BookingStatus.Cancelled => CancelledAt is { } at && now - at <= UndoWindow && now < End,
        BookingStatus.NoShow => now < End,
        _ => false,
    };

    /// <summary>Takes back an arrival recorded by mistake: the booking waits for its family again, on the place it kept.</summary>
    public Refusal? UndoCheckIn(Instant now)
    {
        if (Status != BookingStatus.CheckedIn)
        {
            return Invalid("have its arrival undone");
        }

        if (!CanBeUndone(now))
        {
            return Expired();
        }

        Status = BookingStatus.Confirmed;
        CheckedInAt = null;
        PeopleServed = null;
        return null;
    }

    /// <summary>Takes back a completion recorded by mistake: the session is under way again.</summary>
    public Refusal? UndoComplete(Instant now)
    {
        if (Status != BookingStatus.Completed)
        {
            return Invalid("have its completion undone");
        }

        if (!CanBeUndone(now))
        {
            return Expired();
        }

        Status = BookingStatus.CheckedIn;
        CompletedAt = null;
        return null;
    }

    /// <summary>
    /// Gives back a cancelled booking as it was (same slot, same place, confirmed or pending as before), while the
    /// undo window lasts and nobody else holds that place meanwhile. <paramref name="heldOnResource"/> as for
    /// <see cref="UndoNoShow"/>. A household's booking comes back only if its week still has room for it
    /// (<paramref name="quota"/>, its week without this booking, as <see cref="QuotaPolicy.Check"/> counts it): the
    /// family may have booked another slot since the cancel freed one. A coordinator's exception is not carried over;
    /// the coordinator books again with a reason.
    /// </summary>
    public Refusal? UndoCancel(Instant now, IEnumerable<HeldTime> heldOnResource, QuotaCheck quota = default)
    {
        if (Status != BookingStatus.Cancelled)
        {
            return Invalid("have its cancellation undone");
        }

        if (!CanBeUndone(now))
        {
            return Expired();
        }

        if (heldOnResource.Any(h => h.ResourceId == ResourceId && h.Seat == Seat && h.Start < End && Start < h.End))
        {
            return Refusal.Because(Rule.SlotTaken, "place-given", $"Its place was given to someone else meanwhile.");
        }

        if (quota.Exceeded)
        {
            return Refusal.Because(Rule.QuotaReached, "undo-quota",
                $"Since the cancellation the household has booked {quota.Used} of its {quota.Limit} this week: this one cannot come back.");
        }

        // A cancellation's reason is the only note an active booking ever carries, so the note goes with it.
        Status = CancelledFrom ?? BookingStatus.Confirmed;
        HeldFrom = Start;
        CancelledAt = null;
        CancelledBy = null;
        CancelledFrom = null;
        Note = null;
        return null;
    }

    private static Refusal Expired() =>
        new(Rule.TooLate, $"This can be undone only within {UndoWindow.TotalMinutes:0} minutes, and before the slot ends.");

    /// <summary>Moves a booking that has not started to another resource or time (a machine broke down).</summary>
    /// <remarks>
    /// A partner (or a family) moves its own booking only until it starts, like cancelling it; the site
    /// (desk, coordinator) may still move one under way whose machine broke or whose hours changed.
    /// </remarks>
    public Refusal? MoveTo(int resourceId, SlotClaim target, Instant now, BookedBy by)
    {
        if (Status is not (BookingStatus.Confirmed or BookingStatus.Pending))
        {
            return Invalid("be moved");
        }

        if (by is BookedBy.Partner or BookedBy.Household && now >= Start)
        {
            return Refusal.Because(Rule.TooLate, "session-started", $"This session has started or taken place; ask the coordinator to correct it.");
        }

        ResourceId = resourceId;
        Start = target.Time.Start;
        End = target.Time.End;
        HeldFrom = target.Time.Start;
        Seat = target.Seat;
        MovedAt = now;
        Changed(now);
        return null;
    }

    /// <summary>After "this and all following" was edited, the occurrence belongs to the new series.</summary>
    public void MoveToSeries(int seriesId)
    {
        if (SeriesId is not null)
        {
            SeriesId = seriesId;
        }
    }

    /// <summary>Gives the booking to another household (two records of one family were merged).</summary>
    public void TransferTo(int householdId)
    {
        if (HouseholdId is not null)
        {
            HouseholdId = householdId;
        }
    }

    private void Changed(Instant now)
    {
        Revision++;
        ChangedAt = now;
    }

    /// <summary>The longest reason kept with a booking (declined, skipped, cancelled to correct the record).</summary>
    public const int MaxNoteLength = 300;

    private static Refusal TooLongReason() =>
        Refusal.Because(Rule.ReasonRequired, "reason-too-long", $"A reason is at most {MaxNoteLength} characters.");

    private Refusal Invalid(string action) =>
        Refusal.Because(Rule.InvalidStatusChange, "invalid-status", $"A booking that is {Status.ToString().ToLowerInvariant()} cannot {action}.");
}
