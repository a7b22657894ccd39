using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>A partner's own bookings, week by week, with what can still be done to each.</summary>
public sealed class PartnerCalendar(CantinaOpsDb db, ScheduleCache rules, IClock clock)
{
    public sealed record Entry(int Id, LocalDate Day, LocalTime Start, LocalTime End, string Resource, BookingStatus Status, bool InSeries,
        bool Started, bool Reported, string? Note)
    {
        public string Time => $"{Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}–{End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The site's today, where a calendar without a date starts.</summary>
    public async Task<LocalDate> TodayAsync(CancellationToken cancellationToken) =>
        (await rules.DefaultAsync(db, cancellationToken)).Zone.Today(clock.GetCurrentInstant());

    /// <summary>One of the partner's own bookings (null for another partner's, so ids cannot be probed).</summary>
    public async Task<Entry?> FindAsync(int partnerId, int bookingId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId && b.PartnerId == partnerId)
            .Select(b => new { b.Start }).SingleOrDefaultAsync(cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var site = await rules.DefaultAsync(db, cancellationToken);
        var (_, entries) = await LoadAsync(partnerId, booking.Start.InZone(site.Zone).Date, 1, cancellationToken);
        return entries.SingleOrDefault(e => e.Id == bookingId);
    }

    public async Task<(string Partner, IReadOnlyList<Entry> Entries)> LoadAsync(int partnerId, LocalDate? from, int weeks,
        CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var now = clock.GetCurrentInstant();
        var first = (from ?? site.Zone.Today(now)).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var start = site.Zone.AtStartOfDay(first).ToInstant();
        var end = site.Zone.AtStartOfDay(first.PlusWeeks(weeks)).ToInstant();
        var name = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).SingleAsync(cancellationToken);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.PartnerId == partnerId && b.Start >= start && b.Start < end)
            .OrderBy(b => b.Start)
            .Select(b => new { b.Id, b.Start, b.End, b.ResourceId, b.Status, b.SeriesId, b.Note, Reported = db.SessionReports.Any(r => r.BookingId == b.Id) })
            .ToListAsync(cancellationToken);
        return (name, rows.Select(b => new Entry(b.Id, b.Start.InZone(site.Zone).Date,
            b.Start.InZone(site.Zone).TimeOfDay, b.End.InZone(site.Zone).TimeOfDay, site.Resource(b.ResourceId)?.Resource.Name ?? "?",
            b.Status, b.SeriesId is not null, b.Start <= now, b.Reported, b.Note)).ToList());
    }
}
