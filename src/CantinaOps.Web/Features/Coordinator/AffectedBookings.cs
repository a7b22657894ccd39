using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>
/// Future bookings outside the rules after a change (closure, shorter hours, new slot length, retired or
/// broken machine), and the explicit ways to handle each: move it, or cancel it — the household or
/// partner is sent a notice either way.
/// </summary>
public sealed class AffectedBookings(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, IClock clock)
{
    /// <param name="Partner">The partner association holding the block; null for a household's booking.</param>
    public sealed record Item(int BookingId, string Who, string? Partner, string Resource, string When, Refusal Reason);

    /// <summary>How handling one booking ended: refused, or done (moved to <paramref name="When"/>), and who is told.</summary>
    public sealed record Handled(Refusal? Refusal, string? Partner, string? When);

    /// <summary>Every future booking the current rules leave out, whatever change did it: the list to work through.</summary>
    public async Task<IReadOnlyList<Item>> FindAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var outside = new List<AffectedBooking>();
        foreach (var booking in await FutureAsync(cancellationToken))
        {
            if (site.Resource(booking.ResourceId) is { } target && target.Schedule.StillFits(target.Resource, booking) is { } reason)
            {
                outside.Add(new AffectedBooking(booking, target.Resource, reason));
            }
        }

        return await ItemsAsync(outside, site.Zone, cancellationToken);
    }

    /// <summary>The bookings that fit the stored rules and would not fit <paramref name="changed"/> (changed in memory, not saved).</summary>
    public async Task<IReadOnlyList<Item>> ChangedByAsync(Domain.Sites.Site changed, CancellationToken cancellationToken)
    {
        var stored = await db.SpacesWithRules(clock.GetCurrentInstant()).AsNoTrackingWithIdentityResolution()
            .Where(s => s.SiteId == changed.Id).ToListAsync(cancellationToken);
        var before = stored.SelectMany(s => s.Resources).ToDictionary(r => r.Id);
        // Resources added in memory have no id yet and no bookings.
        var after = changed.Spaces.SelectMany(s => s.Resources).Where(r => r.Id != 0).ToDictionary(r => r.Id);
        var affected = RuleChange.Affected(await FutureAsync(cancellationToken), before.GetValueOrDefault, after.GetValueOrDefault);
        return await ItemsAsync(affected, changed.Zone, cancellationToken);
    }

    /// <summary>A household's booking goes to the nearest equivalent slot; a partner's block to a free block of its length that day or in the week after, nearest its time.</summary>
    public async Task<Handled> MoveAsync(int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var target = booking is null ? null : await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (booking is null || target is null)
        {
            return new Handled(Refusal.Because(Rule.InvalidStatusChange, "unknown-booking", $"Unknown booking."), null, null);
        }

        var partner = await PartnerNameAsync(booking, cancellationToken);
        var outcome = booking.HouseholdId is not null
            ? await bookings.MoveToNearestAsync(booking, target, cancellationToken)
            : await bookings.MoveBlockToNearestAsync(booking, target, cancellationToken);
        return new Handled(outcome.Refusal, partner, outcome.IsSuccess ? Format(booking.Start, target.Schedule.Zone) : null);
    }

    public async Task<Handled> CancelAsync(int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var partner = booking is null ? null : await PartnerNameAsync(booking, cancellationToken);
        var refusal = await bookings.CancelBySiteAsync(bookingId, BookedBy.Coordinator, "booking.cancel-rules-changed", cancellationToken);
        return new Handled(refusal, partner, null);
    }

    /// <summary>How "apply to all" ended: how many were handled, how many are still to handle one by one.</summary>
    public sealed record Summary(int Done, int Left);

    /// <summary>
    /// "Apply to all": every booking the rules leave out, except those kept apart, is moved (each to its
    /// nearest equivalent, earliest first, so that two are never given the same place) or cancelled — each by
    /// the same use case as a single one, with its own notice and audit entry. Those refused stay listed.
    /// </summary>
    public async Task<Summary> HandleAllAsync(bool move, IReadOnlyCollection<int> except, CancellationToken cancellationToken)
    {
        var items = (await FindAsync(cancellationToken)).Where(i => !except.Contains(i.BookingId)).ToList();
        var done = 0;
        foreach (var item in items)
        {
            var handled = move ? await MoveAsync(item.BookingId, cancellationToken) : await CancelAsync(item.BookingId, cancellationToken);
            done += handled.Refusal is null ? 1 : 0;
        }

        return new Summary(done, items.Count - done);
    }

    private async Task<List<Booking>> FutureAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return await db.Bookings.AsNoTracking()
            .Where(b => b.Start > now && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending))
            .OrderBy(b => b.Start).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Item>> ItemsAsync(IReadOnlyList<AffectedBooking> affected, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var householdIds = affected.Select(a => a.Booking.HouseholdId).OfType<int>().ToList();
        var partnerIds = affected.Select(a => a.Booking.PartnerId).OfType<int>().ToList();
        var codes = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code, cancellationToken);
        var partners = await db.Partners.Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return affected.Select(a =>
        {
            var partner = a.Booking.PartnerId is { } p ? partners.GetValueOrDefault(p, "?") : null;
            var who = a.Booking.HouseholdId is { } h ? codes.GetValueOrDefault(h, "?") : partner ?? "?";
            return new Item(a.Booking.Id, who, partner, a.Resource.Name, Format(a.Booking.Start, zone), a.Reason);
        }).ToList();
    }

    private async Task<string?> PartnerNameAsync(Booking booking, CancellationToken cancellationToken) =>
        booking.PartnerId is { } id ? await db.Partners.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) : null;

    private static string Format(Instant start, DateTimeZone zone) => start.InZone(zone).ToString("ddd dd/MM HH:mm", null);
}
