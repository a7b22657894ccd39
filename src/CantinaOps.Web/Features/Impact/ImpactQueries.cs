using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Impact;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>A period's figures with the two it is compared with, its series per week or month, and the demand forecast of each space.</summary>
public sealed record ImpactView(ImpactFigures Current, ImpactFigures Previous, ImpactFigures YearBefore,
    IReadOnlyList<(LocalDate From, LocalDate To, ImpactFigures Figures)> Series,
    IReadOnlyList<(Space Space, Forecast? Forecast)> Forecasts, IReadOnlyDictionary<int, string> PartnerNames,
    IReadOnlyList<Space> Spaces, int? SpaceId);

/// <summary>
/// Reads what the figures count — bookings, sizes at check-in, session reports, refusals, wishes, open hours —
/// without names, codes or phones, and hands them to the domain's <see cref="ImpactFigures"/>.
/// </summary>
public sealed class ImpactQueries(CantinaOpsDb db, ScheduleCache rules, ImpactDayCache cache, IClock clock)
{
    /// <summary>The site's spaces with every closure and outage ever (the booking rules' cache keeps only current ones).</summary>
    private sealed record SiteHistory(DateTimeZone Zone, IReadOnlyList<Space> Spaces)
    {
        public Dictionary<int, SpaceSchedule> Schedules { get; } = Spaces.ToDictionary(s => s.Id, s => new SpaceSchedule(s));
    }

    public async Task<ImpactView> ViewAsync(ImpactRequest request, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var period = new ImpactPeriod(request.From, request.To, site.Zone);
        var spaces = await db.SpacesWithRules(DateWindow.First.AtStartOfDayInZone(site.Zone).ToInstant()).AsNoTrackingWithIdentityResolution()
            .Where(s => s.SiteId == site.SiteId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var history = new SiteHistory(site.Zone, spaces);
        var now = clock.GetCurrentInstant();
        var today = now.InZone(site.Zone).Date;
        // Every period shown is counted from the same days: from the year before (or the period before) to the end,
        // and the forecast's weeks up to yesterday.
        var forecastFrom = today.PlusWeeks(-(DemandForecast.BacktestWeeks + 8));
        var from = Earliest(period.YearBefore.From, period.Previous.From, forecastFrom);
        var to = period.To > today ? period.To : today;
        var origin = await db.Bookings.OrderBy(b => b.Start).Select(b => (Instant?)b.Start).FirstOrDefaultAsync(cancellationToken) is { } first
            ? first.InZone(site.Zone).Date : from;
        var (days, firstVisits) = await cache.DaysAsync(site.Zone, OpenTime.Fingerprint(spaces), origin, from, to, today,
            (first, last) => CountAsync(history, first, last, now, cancellationToken));

        var inSpace = days.Where(d => request.SpaceId is null || d.SpaceId == request.SpaceId).ToList();
        var households = await HouseholdFactsAsync(firstVisits, cancellationToken);
        var resources = spaces.Where(s => request.SpaceId is null || s.Id == request.SpaceId)
            .SelectMany(s => s.Resources.Select(r => (r.Id, r.SpaceId, r.Name))).ToList();
        ImpactFigures Count(ImpactPeriod p) => ImpactFigures.Combine(p, inSpace, households, resources);
        var series = request.Groups().Select(g => (g.From, g.To, Count(new ImpactPeriod(g.From, g.To, site.Zone)))).ToList();
        var (current, previous, yearBefore) = (Count(period), Count(period.Previous), Count(period.YearBefore));
        var forecasts = spaces.Where(s => (request.SpaceId is null || s.Id == request.SpaceId) && s.Kind != SpaceKind.ProfessionalKitchen)
            .Select(s => (s, Forecast(history, s, days, forecastFrom, today))).ToList();
        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new ImpactView(current, previous, yearBefore, series, forecasts, names, spaces, request.SpaceId);
    }

    private static LocalDate Earliest(params LocalDate[] days) => days.Min();

    /// <summary>Reads the facts of a run of days and counts each day of each space.</summary>
    private async Task<List<SpaceDay>> CountAsync(SiteHistory site, LocalDate from, LocalDate to, Instant now, CancellationToken cancellationToken)
    {
        var span = new ImpactPeriod(from, to, site.Zone);
        var bookings = await BookingFactsAsync(span.Time.Start, span.Time.End, null, cancellationToken);
        var sessions = bookings.Where(b => b.PartnerId is not null).Select(b => b.Id).ToList();
        var meals = new List<MealsFact>();
        // In chunks: SQLite takes at most a few thousand parameters per query.
        foreach (var chunk in sessions.Chunk(500))
        {
            meals.AddRange((await db.SessionReports.AsNoTracking().Where(r => chunk.Contains(r.BookingId))
                .Select(r => new { r.BookingId, r.Meals, r.ByKind }).ToListAsync(cancellationToken)).Select(r => new MealsFact(r.BookingId, r.Meals, r.ByKind)));
        }

        var unmet = await UnmetAsync(site.Zone, from, to, null, cancellationToken);
        var open = site.Spaces.SelectMany(s => s.Resources.Select(r => OpenTime.Of(site.Schedules[s.Id], r, from, to))).ToList();
        return SpaceDay.Of(site.Zone, from, to, now, bookings, meals, unmet, open);
    }

    private async Task<List<BookingFact>> BookingFactsAsync(Instant start, Instant end, int? spaceId, CancellationToken cancellationToken)
    {
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Start >= start && b.Start < end)
            .Join(db.Resources, b => b.ResourceId, r => r.Id, (b, r) => new { b, r.SpaceId, r.Kind, SpaceKind = r.Space.Kind, r.Space.MinimumNotice })
            .Where(x => spaceId == null || x.SpaceId == spaceId)
            .Select(x => new
            {
                x.b.Id, x.b.ResourceId, x.SpaceId, x.SpaceKind, x.Kind, x.b.HouseholdId, x.b.PartnerId, x.b.Start, x.b.End, x.b.Status,
                x.b.PeopleServed, x.b.CancelledAt, x.MinimumNotice,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BookingFact(r.Id, r.ResourceId, r.SpaceId, r.SpaceKind, r.Kind, r.HouseholdId, r.PartnerId,
            new Interval(r.Start, r.End), r.Status, r.PeopleServed, r.CancelledAt, r.MinimumNotice)).ToList();
    }

    /// <summary>Each household seen: its current size and language, and its first visit ever (anonymised households keep both).</summary>
    private async Task<List<HouseholdFact>> HouseholdFactsAsync(IReadOnlyDictionary<int, Instant> firstVisits, CancellationToken cancellationToken)
    {
        var rows = await db.Households.AsNoTracking().Select(h => new { h.Id, h.Size, h.Language }).ToListAsync(cancellationToken);
        return rows.Where(h => firstVisits.ContainsKey(h.Id)).Select(h => new HouseholdFact(h.Id, h.Size, h.Language, firstVisits[h.Id])).ToList();
    }

    /// <summary>
    /// Refusals because full, and waitlist wishes still open when their day ended (a wish served or withdrawn was
    /// closed before); the household's id only lets one wish tried several times count once.
    /// </summary>
    private async Task<List<UnmetFact>> UnmetAsync(DateTimeZone zone, LocalDate from, LocalDate to, int? spaceId, CancellationToken cancellationToken)
    {
        var refusals = await db.DemandRefusals.AsNoTracking()
            .Where(r => r.Day >= from && r.Day <= to && (spaceId == null || r.SpaceId == spaceId))
            .Select(r => new UnmetFact(r.SpaceId, r.Day, r.Reason, r.HouseholdId)).ToListAsync(cancellationToken);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var wishes = await db.Waitlist.AsNoTracking()
            .Where(w => w.Day >= from && w.Day <= to && w.Day < today && (spaceId == null || w.SpaceId == spaceId))
            .Select(w => new { w.SpaceId, w.Day, w.HouseholdId, w.ClosedAt }).ToListAsync(cancellationToken);
        var unserved = wishes.Where(w => w.ClosedAt is not { } closed || closed >= w.Day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant())
            .Select(w => new UnmetFact(w.SpaceId, w.Day, UnmetReason.WaitlistNotServed, w.HouseholdId));
        return [.. unserved, .. refusals];
    }

    /// <summary>Demand per day of a space up to yesterday (bookings that held their time, absences included, plus unmet wishes), and its forecast.</summary>
    private static Forecast? Forecast(SiteHistory site, Space space, List<SpaceDay> days, LocalDate first, LocalDate today)
    {
        var perDay = days.Where(d => d.SpaceId == space.Id && d.Day >= first && d.Day < today).ToDictionary(d => d.Day, d => d.HouseholdBooked + d.Unmet);
        var history = Enumerable.Range(0, Period.DaysBetween(first, today)).Select(i => first.PlusDays(i))
            .Select(d => (d, perDay.GetValueOrDefault(d))).ToList();
        var schedule = site.Schedules[space.Id];
        return DemandForecast.Of(history, today, day => space.Resources.Sum(r => schedule.SlotsOn(r, day).Count() * r.Capacity));
    }
}
