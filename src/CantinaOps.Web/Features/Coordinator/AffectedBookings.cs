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
/// Future bookings that no longer fit the rules after a change (closure, shorter hours, retired or
/// broken machine), and the explicit ways to handle each: move it, or cancel it — the household or
/// partner is flagged for a notice either way.
/// </summary>
public sealed class AffectedBookings(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, AuditLog audit, IClock clock)
{
    public sealed record Item(int BookingId, string Who, string Resource, string When, Refusal Reason);

    /// <param name="changed">A site changed in memory and not saved yet: what it would leave outside the rules.</param>
    public async Task<IReadOnlyList<Item>> FindAsync(CancellationToken cancellationToken, Domain.Sites.Site? changed = null)
    {
        var now = clock.GetCurrentInstant();
        var site = changed is null
            ? await rules.DefaultAsync(db, cancellationToken)
            : new ScheduleCache.SiteRules(changed.Id, changed.Spaces.ToList(), now);
        var future = await db.Bookings.AsNoTracking()
            .Where(b => b.Start > now && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending))
            .OrderBy(b => b.Start).ToListAsync(cancellationToken);
        var codes = await db.Households.Select(h => new { h.Id, h.Code }).ToDictionaryAsync(h => h.Id, h => h.Code, cancellationToken);
        var partners = await db.Partners.Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var result = new List<Item>();
        foreach (var booking in future)
        {
            if (site.Resource(booking.ResourceId) is not { } target || target.Schedule.StillFits(target.Resource, booking) is not { } reason)
            {
                continue;
            }

            var who = booking.HouseholdId is { } h ? codes.GetValueOrDefault(h, "?") : partners.GetValueOrDefault(booking.PartnerId ?? 0, "?");
            result.Add(new Item(booking.Id, who, target.Resource.Name, booking.Start.InZone(site.Zone).ToString("ddd dd/MM HH:mm", null), reason));
        }

        return result;
    }

    /// <summary>A household's booking goes to the nearest equivalent slot; a partner's block to the first free block that day.</summary>
    public async Task<Refusal?> MoveAsync(int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        var target = booking is null ? null : await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (booking is null || target is null)
        {
            return new Refusal(Rule.InvalidStatusChange, "Unknown booking.");
        }

        if (booking.HouseholdId is not null)
        {
            return (await bookings.MoveToNearestAsync(booking, target, cancellationToken)).Refusal;
        }

        var outcome = await bookings.InTransactionAsync(async () =>
        {
            var day = booking.Start.InZone(target.Schedule.Zone).Date;
            var held = (await db.HeldTimesAsync([booking.ResourceId], booking.Start - Duration.FromDays(1), booking.End + Duration.FromDays(1), cancellationToken))
                .Where(h => h.Start != booking.HeldFrom).ToList();
            if (SeriesPlanner.FreeBlockOn(target.Schedule, target.Resource, day, booking.End - booking.Start, held, clock.GetCurrentInstant()) is not { } block)
            {
                return Outcome<Booking>.Refused(Rule.SlotTaken, "No free block of that length that day.");
            }

            booking.MoveTo(booking.ResourceId, new SlotClaim(block, 1), clock.GetCurrentInstant());
            db.Notices.Add(new Notice(NoticeKind.BookingMoved, booking.Id, null, booking.PartnerId, clock.GetCurrentInstant()));
            audit.Record("booking.move", $"booking {booking.Id}", "rules changed");
            return Outcome<Booking>.Success(booking);
        }, cancellationToken);
        return outcome.Refusal;
    }

    public Task<Refusal?> CancelAsync(int bookingId, CancellationToken cancellationToken) =>
        bookings.CancelBySiteAsync(bookingId, BookedBy.Coordinator, "booking.cancel-rules-changed", cancellationToken);
}
