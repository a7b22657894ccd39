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
    IClock clock)
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
        return usage.Select(u => new SpaceCard(u.Space.Id, u.Space.Name, u.Space.Kind, u.Used, u.Limit)).ToList();
    }

    /// <summary>Bookable days of a space (today to the horizon, at most 8 cards).</summary>
    public async Task<IReadOnlyList<LocalDate>> DaysAsync(int spaceId, CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var space = site.Spaces.Single(s => s.Id == spaceId);
        var today = site.Zone.Today(clock.GetCurrentInstant());
        return Enumerable.Range(0, Math.Min(space.HorizonDays + 1, 8)).Select(today.PlusDays).ToList();
    }

    /// <summary>Times of a day when at least one machine of the kind is free (the app picks which).</summary>
    public async Task<IReadOnlyList<TimeOption>> TimesAsync(int spaceId, ResourceKind kind, LocalDate day, CancellationToken cancellationToken)
    {
        var siteId = await availability.DefaultSiteIdAsync(cancellationToken);
        var result = (await availability.RunAsync(siteId, day, 1, s => s.Id == spaceId, cancellationToken)).Single();
        var earliest = clock.GetCurrentInstant() + result.Space.MinimumNotice;
        return result.Slots
            .Where(a => a.Free && a.Slot.Start >= earliest && result.Space.Resources.Single(r => r.Id == a.Slot.ResourceId).Kind == kind)
            .GroupBy(a => a.Slot.Start).OrderBy(g => g.Key)
            .Select(g => new TimeOption(Api.SiteDateTimeText.Format(g.Key, result.Schedule.Zone), g.First().Slot.LocalStart.ToString("HH:mm", null)))
            .ToList();
    }

    /// <summary>Books the first machine of the kind that is free at that time, trying the next if one is taken meanwhile.</summary>
    public async Task<Outcome<Booking>> BookAsync(Household household, int spaceId, ResourceKind kind, Instant start,
        CancellationToken cancellationToken)
    {
        var site = await SiteAsync(cancellationToken);
        var space = site.Spaces.Single(s => s.Id == spaceId);
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
            return new Ticket(b.Id, resource.Kind, resource.Name, b.Start.InZone(site.Zone).LocalDateTime, b.End.InZone(site.Zone).LocalDateTime,
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
