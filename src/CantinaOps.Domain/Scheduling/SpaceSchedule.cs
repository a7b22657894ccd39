using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// The booking rules of one space: which slots exist, which are free, and whether a request may be
/// granted. It reads a loaded <see cref="Space"/> (with its site, hours, resources and outages) and
/// is told what is already held; it never touches storage, so the caller decides how to load and lock.
/// </summary>
public sealed class SpaceSchedule
{
    /// <summary>Partner blocks start and end on this grid.</summary>
    public static readonly Duration BlockGrid = Duration.FromMinutes(15);

    private readonly Space _space;
    private readonly Site _site;

    public SpaceSchedule(Space space)
    {
        _space = space;
        _site = space.Site;
        Zone = _site.Zone;
    }

    public DateTimeZone Zone { get; }

    public Space Space => _space;

    public bool IsClosed(LocalDate day) => _site.Closures.Any(c => c.Covers(day, _space.Id));

    /// <summary>The closure that covers a day (a public holiday, the annual closure), if any.</summary>
    public Closure? ClosureOn(LocalDate day) => _site.Closures.FirstOrDefault(c => c.Covers(day, _space.Id));

    /// <summary>Whether households can book anything here that day: no closure, and a machine has slots in the day's hours.</summary>
    public bool IsOpenOn(LocalDate day) =>
        !IsClosed(day) && _space.Resources.Any(r => !r.Kind.IsBookedInBlocks() && SlotsOn(r, day).Any());

    /// <summary>The first day after <paramref name="after"/>, up to <paramref name="last"/>, on which the space is open.</summary>
    public LocalDate? NextOpenDay(LocalDate after, LocalDate last)
    {
        for (var day = after.PlusDays(1); day <= last; day = day.PlusDays(1))
        {
            if (IsOpenOn(day))
            {
                return day;
            }
        }

        return null;
    }

    public Duration SlotLengthOf(ResourceKind kind) =>
        _site.SlotLengths.FirstOrDefault(s => s.Kind == kind)?.Length ?? Duration.FromHours(1);

    /// <summary>The fixed slots of a resource on a local date (block-booked resources: one slot per opening range).</summary>
    public IEnumerable<Slot> SlotsOn(Resource resource, LocalDate day) =>
        resource.IsActive
            ? SlotTimesOn(resource.Kind, day).Select(t => new Slot(resource.Id, t.LocalStart, t.LocalEnd, t.Start, t.End))
            : [];

    /// <summary>Every slot of every active resource of the space over a run of days, with what is left of it.</summary>
    public IReadOnlyList<SlotAvailability> Availability(LocalDate from, int days, IEnumerable<HeldTime> held)
    {
        var heldByResource = held.GroupBy(h => h.ResourceId)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Start).ToArray());
        // Resources of one kind share their slot times: compute them once per kind and day.
        var times = new Dictionary<(ResourceKind, LocalDate), IReadOnlyList<SlotTime>>();
        var result = new List<SlotAvailability>();
        foreach (var resource in _space.Resources.Where(r => r.IsActive).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var mine = heldByResource.GetValueOrDefault(resource.Id) ?? [];
            var first = 0;
            for (var day = from; day < from.PlusDays(days); day = day.PlusDays(1))
            {
                if (!times.TryGetValue((resource.Kind, day), out var dayTimes))
                {
                    times[(resource.Kind, day)] = dayTimes = SlotTimesOn(resource.Kind, day);
                }

                foreach (var t in dayTimes)
                {
                    var slot = new Slot(resource.Id, t.LocalStart, t.LocalEnd, t.Start, t.End);
                    if (resource.Kind.IsBookedInBlocks())
                    {
                        result.AddRange(SplitByBlocks(resource, slot, mine));
                        continue;
                    }

                    // Held times are sorted by start: skip those that ended before this slot.
                    while (first < mine.Length && mine[first].End <= slot.Start && mine[first].Start < slot.Start)
                    {
                        first++;
                    }

                    var taken = 0;
                    for (var i = first; i < mine.Length && mine[i].Start < slot.End; i++)
                    {
                        taken += slot.Overlaps(mine[i].Start, mine[i].End) ? 1 : 0;
                    }

                    var outOfService = resource.Outages.Count > 0 && resource.IsOutOfServiceDuring(slot.Time);
                    result.Add(new SlotAvailability(slot, resource.Capacity, taken, outOfService));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The nearest free slot equivalent to <paramref name="original"/> for a booking that must move
    /// (its machine broke down): the same time on another resource of the same kind first, then the
    /// closest time before or after, over the following <paramref name="days"/> days. Null when none.
    /// </summary>
    public Slot? NearestAlternative(Resource original, Slot slot, Instant now, IEnumerable<HeldTime> held, int days = 7)
    {
        var from = slot.LocalStart.Date;
        return Availability(from, days, held)
            .Where(a => a.Free && a.Slot.Start > now && KindOf(a.Slot.ResourceId) == original.Kind
                && !(a.Slot.ResourceId == original.Id && a.Slot.Start == slot.Start))
            .OrderBy(a => Duration.Max(a.Slot.Start - slot.Start, slot.Start - a.Slot.Start))
            .ThenBy(a => a.Slot.Start)
            .Select(a => a.Slot)
            .FirstOrDefault();
    }

    /// <summary>The first free slot of a kind of resource (a dryer) starting at or after an instant, that same day.</summary>
    public Slot? FirstFreeAfter(ResourceKind kind, Instant after, IEnumerable<HeldTime> held)
    {
        var day = after.InZone(Zone).Date;
        return Availability(day, 1, held)
            .Where(a => a.Free && a.Slot.Start >= after && KindOf(a.Slot.ResourceId) == kind)
            .OrderBy(a => a.Slot.Start)
            .Select(a => a.Slot)
            .FirstOrDefault();
    }

    /// <summary>
    /// Whether a booking made earlier still fits today's rules (after a new closure, shorter hours, a new
    /// slot length, a retired or broken machine). Null when it fits; otherwise the rule it now breaks.
    /// </summary>
    public Refusal? StillFits(Resource resource, Booking booking)
    {
        var start = booking.Start.InZone(Zone).LocalDateTime;
        var end = booking.End.InZone(Zone).LocalDateTime;
        if (!resource.IsActive)
        {
            return Refusal.Because(Rule.ResourceOutOfService, "resource-retired", $"{resource.Name} has been retired.");
        }

        if (_site.Closures.FirstOrDefault(c => c.Covers(start.Date, _space.Id)) is { } closure)
        {
            return Refusal.Because(Rule.Closed, "closed-on", $"{_space.Name} is closed on {start.Date:d MMMM yyyy} ({closure.Reason}).");
        }

        if (!InsideOpeningHours(start, end))
        {
            return Refusal.Because(Rule.OutsideOpeningHours, "no-longer-open", $"{_space.Name} is no longer open for all of {start:HH:mm}-{end:HH:mm} on {start:dddd d MMMM}.");
        }

        // A household's booking holds one slot of the grid; once the slot length changes it may sit across two.
        if (!resource.Kind.IsBookedInBlocks() && !SlotsOn(resource, start.Date).Any(s => s.Start == booking.Start && s.End == booking.End))
        {
            return Refusal.Because(Rule.NotASlotStart, "no-longer-a-slot",
                $"{start:HH:mm}-{end:HH:mm} is no longer a slot of {resource.Name} ({SlotLengthOf(resource.Kind).TotalMinutes:0}-minute slots).");
        }

        return resource.IsOutOfServiceDuring(booking.Time)
            ? Refusal.Because(Rule.ResourceOutOfService, "out-of-service", $"{resource.Name} is out of service then.")
            : null;
    }

    private ResourceKind? KindOf(int resourceId) => _space.Resources.FirstOrDefault(r => r.Id == resourceId)?.Kind;

    private readonly record struct SlotTime(LocalDateTime LocalStart, LocalDateTime LocalEnd, Instant Start, Instant End);

    private List<SlotTime> SlotTimesOn(ResourceKind kind, LocalDate day)
    {
        var times = new List<SlotTime>();
        if (IsClosed(day))
        {
            return times;
        }

        foreach (var range in _space.RangesOn(day.DayOfWeek))
        {
            var opens = range.OpensOn(day);
            var closes = range.ClosesOn(day);
            if (kind.IsBookedInBlocks())
            {
                times.Add(new SlotTime(opens, closes, Zone.ToInstant(opens), Zone.ToInstant(closes)));
                continue;
            }

            var length = Period.FromMinutes((long)SlotLengthOf(kind).TotalMinutes);
            for (var start = opens; start + length <= closes; start += length)
            {
                // A start in the spring-forward gap is a time no one will live: that slot does not exist.
                if (!Zone.Exists(start))
                {
                    continue;
                }

                var end = start + length;
                times.Add(new SlotTime(start, end, Zone.ToInstant(start), Zone.ToInstant(end)));
            }
        }

        return times;
    }

    /// <summary>
    /// Checks that a household may take the slot of <paramref name="resource"/> starting at <paramref name="start"/>,
    /// booked by <paramref name="by"/>: a household whose self-booking is paused after absences is refused when it
    /// (or the waitlist, on its behalf) books, not when the desk does.
    /// </summary>
    /// <param name="walkIn">The desk's walk-in rule (a started slot stays bookable by the desk until its end minus a margin); null: the notice only.</param>
    /// <param name="householdWeek">The household's bookings that week in spaces of this kind (<see cref="QuotaPolicy.Counted"/>).</param>
    /// <param name="exception">A coordinator's exception to the quota: the slot is granted over it, marked <see cref="SlotClaim.OverQuota"/>.</param>
    public Outcome<SlotClaim> CheckHouseholdSlot(Resource resource, Household household, BookedBy by, Instant start, Instant now,
        IReadOnlyCollection<QuotaUse> householdWeek, QuotaPolicy quotas, IReadOnlyCollection<HeldTime> heldOnResource, WalkInPolicy? walkIn = null,
        QuotaException? exception = null)
    {
        if (CheckHousehold(household, by, now) is { } refused)
        {
            return refused;
        }

        if (resource.Kind.IsBookedInBlocks())
        {
            return Outcome<SlotClaim>.Refused(Rule.WrongResourceForBooker, "partners-only",
                $"{resource.Name} is reserved by partner associations, not by households.");
        }

        var local = start.InZone(Zone).LocalDateTime;
        var slot = SlotsOn(resource, local.Date).FirstOrDefault(s => s.Start == start);
        if (CheckDayAndWindow(resource, local.Date, start, now, slot is null ? null : walkIn?.Until(by, slot.Time)) is { } refusal)
        {
            return refusal;
        }

        if (slot is null)
        {
            return InsideOpeningHours(local, local)
                ? Outcome<SlotClaim>.Refused(Rule.NotASlotStart, "not-a-slot-start",
                    $"{local:HH:mm} is not the start of a {SlotLengthOf(resource.Kind).TotalMinutes:0}-minute slot of {resource.Name}.")
                : Outcome<SlotClaim>.Refused(Rule.OutsideOpeningHours, "not-open-at",
                    $"{_space.Name} is not open at {local:HH:mm} on {local:dddd d MMMM}.");
        }

        if (resource.IsOutOfServiceDuring(slot.Time))
        {
            return Outcome<SlotClaim>.Refused(Rule.ResourceOutOfService, "out-of-service", $"{resource.Name} is out of service then.");
        }

        var overQuota = CheckQuota(household, householdWeek, new QuotaUse(resource.Kind, slot.Time), quotas);
        if (overQuota is not null && !(exception is not null && QuotaException.MayGrant(by)))
        {
            return overQuota;
        }

        var seat = slot.FreeSeat(resource.Capacity, heldOnResource);
        return seat == 0
            ? Outcome<SlotClaim>.Refused(Rule.SlotTaken, "already-booked-at", $"{resource.Name} is already booked at {local:HH:mm}.")
            : Outcome<SlotClaim>.Success(new SlotClaim(slot.Time, seat, overQuota is not null));
    }

    /// <summary>Checks a partner's block on a block-booked resource (the professional kitchen).</summary>
    public Outcome<SlotClaim> CheckPartnerBlock(Resource resource, Instant start, Instant end, Instant now,
        IReadOnlyCollection<HeldTime> heldOnResource)
    {
        if (!resource.Kind.IsBookedInBlocks())
        {
            return Outcome<SlotClaim>.Refused(Rule.WrongResourceForBooker, "households-only",
                $"Partners reserve the professional kitchen; {resource.Name} is booked by households.");
        }

        var localStart = start.InZone(Zone).LocalDateTime;
        var localEnd = end.InZone(Zone).LocalDateTime;
        if (end <= start || localEnd > localStart.Date.PlusDays(1).AtMidnight() || !OnGrid(localStart) || !OnGrid(localEnd))
        {
            return Outcome<SlotClaim>.Refused(Rule.InvalidBlock, "invalid-block",
                $"A block starts and ends on the same day, on a quarter hour, and ends after it starts.");
        }

        if (CheckDayAndWindow(resource, localStart.Date, start, now) is { } refusal)
        {
            return refusal;
        }

        if (!InsideOpeningHours(localStart, localEnd))
        {
            return Outcome<SlotClaim>.Refused(Rule.OutsideOpeningHours, "not-open-for-all",
                $"{_space.Name} is not open for all of {localStart:HH:mm}-{localEnd:HH:mm} on {localStart:dddd d MMMM}.");
        }

        var time = new Interval(start, end);
        if (resource.IsOutOfServiceDuring(time))
        {
            return Outcome<SlotClaim>.Refused(Rule.ResourceOutOfService, "out-of-service", $"{resource.Name} is out of service then.");
        }

        // The refusal names the booking in the way (its own times), not the times that were asked for.
        var inTheWay = heldOnResource.Where(h => h.Start < end && start < h.End).OrderBy(h => h.Start).Select(h => (HeldTime?)h).FirstOrDefault();
        return inTheWay is { } way
            ? Outcome<SlotClaim>.Refused(Rule.SlotTaken, "already-reserved-by-other",
                $"{resource.Name} is already reserved from {way.Start.InZone(Zone).TimeOfDay:HH:mm} to {way.End.InZone(Zone).TimeOfDay:HH:mm}.")
            : Outcome<SlotClaim>.Success(new SlotClaim(time, 1));
    }

    /// <summary>
    /// Checks a waitlist wish: a household may wait for a day of a household space that is open, not past
    /// its last bookable slot, within the horizon and the app's date window, while its quota for that week
    /// is not used up — the same rules as a booking, so no wish can be kept that the waitlist could never serve.
    /// </summary>
    public Refusal? CheckWish(Household household, BookedBy by, LocalDate day, Instant now, IReadOnlyCollection<QuotaUse> householdWeek,
        QuotaPolicy quotas)
    {
        if (CheckHousehold(household, by, now) is { } refused)
        {
            return refused;
        }

        if (_space.Kind == SpaceKind.ProfessionalKitchen)
        {
            return Refusal.Because(Rule.WrongResourceForBooker, "partners-only", $"{_space.Name} is reserved by partner associations, not by households.");
        }

        if (!DateWindow.Contains(day))
        {
            return DateWindow.Refusal("day");
        }

        var today = Zone.Today(now);
        if (day < today)
        {
            return Refusal.Because(Rule.TooLate, "day-passed", $"That day has already passed.");
        }

        var lastDay = today.PlusDays(_space.HorizonDays);
        if (day > lastDay)
        {
            return Refusal.Because(Rule.TooFarAhead, "horizon", $"Bookings open {_space.HorizonDays} days ahead; the last bookable day is {lastDay:d MMMM yyyy}.");
        }

        if (_site.Closures.FirstOrDefault(c => c.Covers(day, _space.Id)) is { } closure)
        {
            return Refusal.Because(Rule.Closed, "closed-on", $"{_space.Name} is closed on {day:d MMMM yyyy} ({closure.Reason}).");
        }

        var starts = _space.Resources.Where(r => r.IsActive && !r.Kind.IsBookedInBlocks())
            .SelectMany(r => SlotsOn(r, day)).Select(slot => slot.Start).ToList();
        if (starts.Count == 0)
        {
            return Refusal.Because(Rule.Closed, "not-open-on", $"{_space.Name} is not open on {day:dddd d MMMM yyyy}.");
        }

        // A wish is served with a wash or a cooking station: it uses one more of the week.
        var served = new QuotaUse(_space.Kind == SpaceKind.Laundry ? ResourceKind.Washer : ResourceKind.CookingStation,
            new Interval(Zone.AtStartOfDay(day).ToInstant(), Zone.AtStartOfDay(day).ToInstant()));
        return starts.Max() < now + _space.MinimumNotice
            ? Refusal.Because(Rule.TooLate, "day-full", $"No slot of that day can still be booked.")
            : CheckQuota(household, householdWeek, served, quotas);
    }

    private static Refusal? CheckHousehold(Household household, BookedBy by, Instant now)
    {
        if (!household.IsActive)
        {
            return Refusal.Because(Rule.HouseholdInactive, "household-inactive", $"Household {household.Code} is inactive.");
        }

        return by == BookedBy.Household && household.IsSelfBookingPaused(now)
            ? Refusal.Because(Rule.SelfBookingPaused, "self-booking-paused", $"After several absences, booking goes through the desk for a few days.")
            : null;
    }

    private Refusal? CheckQuota(Household household, IReadOnlyCollection<QuotaUse> week, QuotaUse adding, QuotaPolicy quotas) =>
        quotas.Check(_space.Kind, household.Size, week, adding, Zone) is { Exceeded: true } check
            ? Refusal.Because(Rule.QuotaReached, "quota", $"Household {household.Code} already has {check.Used} of its {check.Limit} bookings this week.")
            : null;

    /// <summary>
    /// What a household's week of <paramref name="householdWeek"/> counts toward the quota of this space's kind, and
    /// whether one more booking of <paramref name="kind"/> at <paramref name="time"/> goes over it: what the desk
    /// shows before confirming, so it never offers what the booking would refuse.
    /// </summary>
    public QuotaCheck Quota(Household household, IReadOnlyCollection<QuotaUse> householdWeek, ResourceKind kind, Interval time,
        QuotaPolicy quotas) => quotas.Check(_space.Kind, household.Size, householdWeek, new QuotaUse(kind, time), Zone);

    /// <summary>
    /// Whether a slot of <paramref name="resource"/> starting at <paramref name="start"/> may still be
    /// booked at <paramref name="now"/> as far as the day and the booking window go (retired, closed,
    /// notice, horizon) — the same check every booking makes, for screens that offer a slot.
    /// </summary>
    public Refusal? CheckWindow(Resource resource, Instant start, Instant now) =>
        CheckDayAndWindow(resource, start.InZone(Zone).Date, start, now);

    /// <summary>The same check for the desk giving <paramref name="slot"/> to a walk-in, under its <see cref="WalkInPolicy"/>.</summary>
    public Refusal? CheckWalkIn(Resource resource, Slot slot, Instant now, BookedBy by, WalkInPolicy walkIn) =>
        CheckDayAndWindow(resource, slot.LocalStart.Date, slot.Start, now, walkIn.Until(by, slot.Time));

    private Refusal? CheckDayAndWindow(Resource resource, LocalDate day, Instant start, Instant now, Instant? walkInUntil = null)
    {
        if (!resource.IsActive)
        {
            return Refusal.Because(Rule.ResourceOutOfService, "resource-retired", $"{resource.Name} has been retired.");
        }

        if (_site.Closures.FirstOrDefault(c => c.Covers(day, _space.Id)) is { } closure)
        {
            return Refusal.Because(Rule.Closed, "closed-on", $"{_space.Name} is closed on {day:d MMMM yyyy} ({closure.Reason}).");
        }

        if (start < now + _space.MinimumNotice && !(now < walkInUntil))
        {
            return start < now
                ? Refusal.Because(Rule.TooLate, "time-passed", $"That time has already passed.")
                : Refusal.Because(Rule.TooLate, "notice", $"Bookings close {_space.MinimumNotice.TotalMinutes:0} minutes before the start.");
        }

        var lastDay = Zone.Today(now).PlusDays(_space.HorizonDays);
        return day > lastDay
            ? Refusal.Because(Rule.TooFarAhead, "horizon", $"Bookings open {_space.HorizonDays} days ahead; the last bookable day is {lastDay:d MMMM yyyy}.")
            : null;
    }

    private bool InsideOpeningHours(LocalDateTime start, LocalDateTime end) =>
        _space.RangesOn(start.Date.DayOfWeek).Any(r => r.Contains(start, end));

    private static bool OnGrid(LocalDateTime local) =>
        local.Second == 0 && local.NanosecondOfSecond == 0 && local.Minute % (int)BlockGrid.TotalMinutes == 0;

    private static IEnumerable<SlotAvailability> SplitByBlocks(Resource resource, Slot range, HeldTime[] held)
    {
        var cursor = range.Start;
        var zone = resource.Space.Site.Zone;
        foreach (var block in held.Where(h => range.Overlaps(h.Start, h.End)))
        {
            var blockStart = Instant.Max(block.Start, range.Start);
            var blockEnd = Instant.Min(block.End, range.End);
            if (blockStart > cursor)
            {
                yield return Segment(cursor, blockStart, taken: 0);
            }

            yield return Segment(blockStart, blockEnd, taken: 1);
            cursor = Instant.Max(cursor, blockEnd);
        }

        if (cursor < range.End)
        {
            yield return Segment(cursor, range.End, taken: 0);
        }

        SlotAvailability Segment(Instant from, Instant to, int taken)
        {
            var slot = new Slot(resource.Id, from.InZone(zone).LocalDateTime, to.InZone(zone).LocalDateTime, from, to);
            return new SlotAvailability(slot, 1, taken, resource.IsOutOfServiceDuring(slot.Time));
        }
    }
}
