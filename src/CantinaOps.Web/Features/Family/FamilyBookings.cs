using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Family;

/// <summary>
/// What a signed-in family can see and do — always scoped to its own household id, taken from its
/// sign-in, never from the request.
/// </summary>
public sealed class FamilyBookings(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, BookingService bookings,
    IClock clock, FamilyNames names)
{
    public sealed record SpaceCard(int Id, string Name, SpaceKind Kind, int Used, int? Limit);

    public sealed record TimeOption(string Start, string Time);

    /// <param name="Stranded">Its machine is out of order then: the desk will move it (or cancel it) and tell the family.</param>
    public sealed record Ticket(int Id, ResourceKind Kind, string Resource, LocalDateTime Start, LocalDateTime End,
        BookingStatus Status, bool CanCancel, Duration Notice, int SpaceId, bool Stranded = false);

    public async Task<ScheduleCache.SiteRules> SiteAsync(CancellationToken cancellationToken) =>
        await rules.DefaultAsync(db, cancellationToken);

    public Task<Household?> HouseholdAsync(int id, CancellationToken cancellationToken) =>
        db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);

    /// <summary>The family's spaces with its bookings this week against its quota.</summary>
    public async Task<IReadOnlyList<SpaceCard>> SpacesAsync(Household household, CancellationToken cancellationToken)
    {
        var usage = await db.WeekUsageAsync(await SiteAsync(cancellationToken), household, clock.GetCurrentInstant(), cancellationToken);
        return usage.Select(u => new SpaceCard(u.Space.Id, names.Of(u.Space.Kind), u.Space.Kind, u.Used, u.Limit)).ToList();
    }

    /// <summary>Bookable days of a space (today to the horizon, at most 8 cards).</summary>
    public async Task<IReadOnlyList<LocalDate>> DaysAsync(int spaceId, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var space = site.AllSpaces.Single(s => s.Id == spaceId);
        var today = site.Zone.Today(clock.GetCurrentInstant());
        return Enumerable.Range(0, Math.Min(space.HorizonDays + 1, 8)).Select(today.PlusDays).ToList();
    }

    /// <summary>What a day offers a family: times, or why not (closed, its week's quota used, full) with where to go instead.</summary>
    public enum DayState
    {
        Open,
        Closed,
        QuotaUsed,
        Full,
    }

    /// <param name="Next">Closed: the next open day. Quota used: the first day of the next week with a time the family may take.</param>
    /// <param name="Limit">Quota used: the week's quota.</param>
    public sealed record DayOffer(DayState State, IReadOnlyList<TimeOption> Times, LocalDate? Next = null, string? ClosedReason = null,
        int? Limit = null);

    /// <summary>
    /// Everything the family may book on a day, as the booking will decide it: the space's rules, free places, and
    /// the household's quota (a dry after its wash fits it). A closed day says so with the next open day; a day
    /// whose week's quota is used offers the next week's first free day instead of a waitlist.
    /// </summary>
    public async Task<DayOffer> DayAsync(Household household, int spaceId, ResourceKind kind, LocalDate day, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var schedule = site.Schedule(spaceId);
        var lastDay = site.Zone.Today(clock.GetCurrentInstant()).PlusDays(schedule.Space.HorizonDays);
        if (!schedule.IsOpenOn(day))
        {
            return new DayOffer(DayState.Closed, [], schedule.NextOpenDay(day, lastDay), schedule.ClosureOn(day)?.Reason);
        }

        var (times, overQuota) = await BookableAsync(household, spaceId, kind, day, cancellationToken);
        if (times.Count > 0 || !overQuota.Exceeded)
        {
            return new DayOffer(times.Count > 0 ? DayState.Open : DayState.Full, times);
        }

        var monday = day.PlusDays(1 - (int)day.DayOfWeek).PlusWeeks(1);
        for (var next = monday; next < monday.PlusWeeks(1) && next <= lastDay; next = next.PlusDays(1))
        {
            if (schedule.IsOpenOn(next) && (await BookableAsync(household, spaceId, kind, next, cancellationToken)).Times.Count > 0)
            {
                return new DayOffer(DayState.QuotaUsed, [], next, Limit: overQuota.Limit);
            }
        }

        return new DayOffer(DayState.QuotaUsed, [], Limit: overQuota.Limit);
    }

    /// <summary>Times of a day when at least one machine of the kind is free (the app picks which) and the household's quota allows it.</summary>
    public async Task<IReadOnlyList<TimeOption>> TimesAsync(Household household, int spaceId, ResourceKind kind, LocalDate day,
        CancellationToken cancellationToken) => (await BookableAsync(household, spaceId, kind, day, cancellationToken)).Times;

    /// <returns>The times the household may take, and whether its quota alone refuses every time of the day (free or not).</returns>
    private async Task<(IReadOnlyList<TimeOption> Times, QuotaCheck OverQuota)> BookableAsync(Household household, int spaceId, ResourceKind kind,
        LocalDate day, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var result = (await availability.RunAsync(site.SiteId, day, 1, s => s.Id == spaceId, cancellationToken)).Single();
        var earliest = clock.GetCurrentInstant() + result.Space.MinimumNotice;
        var slots = result.Slots
            .Where(a => a.Slot.Start >= earliest && result.Space.Resources.Single(r => r.Id == a.Slot.ResourceId).Kind == kind)
            .GroupBy(a => a.Slot.Start).OrderBy(g => g.Key).Select(g => (g.First().Slot, Free: g.Any(a => a.Free))).ToList();
        if (slots.Count == 0)
        {
            return ([], default);
        }

        var week = site.QuotaWeek(result.Space.Kind, await db.WeekBookingsAsync(site.Zone, household.Id, slots[0].Slot.Start, cancellationToken));
        var policy = new QuotaPolicy(result.Space.Site.QuotaTiers);
        var checks = slots.Select(s => (s.Slot, s.Free, Quota: result.Schedule.Quota(household, week, kind, s.Slot.Time, policy))).ToList();
        var times = checks.Where(c => c.Free && !c.Quota.Exceeded)
            .Select(c => new TimeOption(Api.SiteDateTimeText.Format(c.Slot.Start, result.Schedule.Zone), c.Slot.LocalStart.ToString("HH:mm", null)))
            .ToList();
        return (times, checks.All(c => c.Quota.Exceeded) ? checks[0].Quota : default);
    }

    public async Task<LocalDate> TodayAsync(CancellationToken cancellationToken) =>
        (await SiteAsync(cancellationToken)).Zone.Today(clock.GetCurrentInstant());

    /// <summary>The last day the family may book in a space (its horizon).</summary>
    public async Task<LocalDate> LastDayAsync(int spaceId, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        return site.Zone.Today(clock.GetCurrentInstant()).PlusDays(site.AllSpaces.Single(s => s.Id == spaceId).HorizonDays);
    }

    /// <summary>Bookings made for the family from its waitlist wishes, still to come: shown on its home until they start.</summary>
    public async Task<IReadOnlyList<Ticket>> FromWaitlistAsync(int householdId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var ids = await db.Notices.AsNoTracking()
            .Where(n => n.HouseholdId == householdId && n.Kind == NoticeKind.WaitlistBooked)
            .Join(db.Bookings, n => n.BookingId, b => b.Id, (n, b) => b)
            .Where(b => b.Status == BookingStatus.Confirmed && b.Start > now).Select(b => b.Id).Distinct().ToListAsync(cancellationToken);
        return (await TicketsAsync(householdId, null, cancellationToken)).Where(t => ids.Contains(t.Id)).OrderBy(t => t.Start).ToList();
    }

    /// <summary>Books the first machine of the kind that is free at that time, trying the next if one is taken meanwhile.</summary>
    public async Task<Outcome<Booking>> BookAsync(Household household, int spaceId, ResourceKind kind, Instant start,
        CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var space = site.AllSpaces.Single(s => s.Id == spaceId);
        Outcome<Booking> last = Outcome<Booking>.Refused(Rule.SlotTaken, "No machine is free then.");
        foreach (var resource in space.Resources.Where(r => r.IsActive && r.Kind == kind).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            last = await bookings.BookForHouseholdAsync(new ResourceRules(site, resource, site.Schedule(space.Id)), start, household,
                new Actor(BookedBy.Household, null), cancellationToken);
            if (last.IsSuccess || last.Refusal!.Rule != Rule.SlotTaken)
            {
                return last;
            }
        }

        return last;
    }

    public async Task<IReadOnlyList<Ticket>> TicketsAsync(int householdId, int? bookingId, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.HouseholdId == householdId && (bookingId == null || b.Id == bookingId))
            .OrderByDescending(b => b.Start).Take(60).ToListAsync(cancellationToken);
        return rows.Select(b =>
        {
            var (resource, schedule) = site.Resource(b.ResourceId) ?? throw new InvalidOperationException("Unknown resource.");
            var notice = schedule.Space.MinimumNotice;
            return new Ticket(b.Id, resource.Kind, names.Of(resource), b.Start.InZone(site.Zone).LocalDateTime, b.End.InZone(site.Zone).LocalDateTime,
                b.Status, CancellationPolicy.Allows(b, BookedBy.Household, now, notice), notice, resource.SpaceId,
                resource.Strands(b.Status, b.Time, now));
        }).ToList();
    }

    /// <returns>Null when cancelled (or not this family's booking: another family's id is simply not found).</returns>
    public async Task<Refusal?> CancelAsync(int householdId, int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.HouseholdId == householdId, cancellationToken);
        return booking is null ? null : await bookings.CancelAsync(booking, new Actor(BookedBy.Household, null), null, cancellationToken);
    }

    public Task<bool> OwnsAsync(int householdId, int bookingId, CancellationToken cancellationToken) =>
        db.Bookings.AnyAsync(b => b.Id == bookingId && b.HouseholdId == householdId, cancellationToken);
}
