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
    public sealed record Entry(int Id, LocalDate Day, string Time, string Resource, BookingStatus Status, bool InSeries, bool Started,
        bool Reported, string? Note);

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
            .Where(b => b.PartnerId == partnerId && b.Start >= start && b.Start < end && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.Start)
            .Select(b => new { b.Id, b.Start, b.End, b.ResourceId, b.Status, b.SeriesId, b.Note, Reported = db.SessionReports.Any(r => r.BookingId == b.Id) })
            .ToListAsync(cancellationToken);
        return (name, rows.Select(b => new Entry(b.Id, b.Start.InZone(site.Zone).Date,
            $"{b.Start.InZone(site.Zone):HH:mm}–{b.End.InZone(site.Zone):HH:mm}", site.Resource(b.ResourceId)?.Resource.Name ?? "?",
            b.Status, b.SeriesId is not null, b.Start <= now, b.Reported, b.Note)).ToList());
    }
}
