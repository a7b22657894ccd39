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
public sealed class ImpactQueries(CantinaOpsDb db, ScheduleCache rules, IClock clock)
{
    /// <summary>The site's spaces with every closure and outage since a date (the booking rules' cache keeps only current ones).</summary>
    private sealed record SiteHistory(DateTimeZone Zone, IReadOnlyList<Space> Spaces)
    {
        public Dictionary<int, SpaceSchedule> Schedules { get; } = Spaces.ToDictionary(s => s.Id, s => new SpaceSchedule(s));
    }

    public async Task<ImpactView> ViewAsync(ImpactRequest request, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var period = new ImpactPeriod(request.From, request.To, site.Zone);
        var spaces = await db.SpacesWithRules(period.YearBefore.Time.Start).AsNoTracking()
            .Where(s => s.SiteId == site.SiteId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var history = new SiteHistory(site.Zone, spaces);
        // What every period needs is read once, from the year before to the end, then each period is counted from it.
        var span = new ImpactPeriod(period.YearBefore.From < period.Previous.From ? period.YearBefore.From : period.Previous.From, period.To, site.Zone);
        var facts = await FactsAsync(history, span, request.SpaceId, cancellationToken);
        ImpactFigures Count(ImpactPeriod p) => ImpactFigures.Compute(p, facts.Now, facts.Bookings, facts.Households, facts.Meals, facts.Unmet, facts.Open);
        var series = request.Groups().Select(g => (g.From, g.To, Count(new ImpactPeriod(g.From, g.To, site.Zone)))).ToList();
        var (current, previous, yearBefore) = (Count(period), Count(period.Previous), Count(period.YearBefore));
        var forecasts = await ForecastsAsync(history,
            spaces.Where(s => (request.SpaceId is null || s.Id == request.SpaceId) && s.Kind != SpaceKind.ProfessionalKitchen).ToList(), cancellationToken);

        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new ImpactView(current, previous, yearBefore, series, forecasts, names, spaces, request.SpaceId);
    }

    private sealed record Facts(Instant Now, List<BookingFact> Bookings, List<HouseholdFact> Households, List<MealsFact> Meals,
        List<UnmetFact> Unmet, List<OpenTimeFact> Open);

    private async Task<Facts> FactsAsync(SiteHistory site, ImpactPeriod span, int? spaceId, CancellationToken cancellationToken)
    {
        var bookings = await BookingFactsAsync(span.Time.Start, span.Time.End, spaceId, cancellationToken);
        var served = bookings.Where(b => b.HouseholdId is not null && b.Attended).Select(b => b.HouseholdId!.Value).Distinct().ToList();
        var households = await HouseholdFactsAsync(served, cancellationToken);
        var sessions = bookings.Where(b => b.PartnerId is not null).Select(b => b.Id).ToList();
        var meals = new List<MealsFact>();
        foreach (var chunk in sessions.Chunk(500))
        {
            meals.AddRange((await db.SessionReports.AsNoTracking().Where(r => chunk.Contains(r.BookingId))
                .Select(r => new { r.BookingId, r.Meals, r.ByKind }).ToListAsync(cancellationToken)).Select(r => new MealsFact(r.BookingId, r.Meals, r.ByKind)));
        }

        var unmet = await UnmetAsync(site.Zone, span.From, span.To, spaceId, cancellationToken);
        var open = site.Spaces.Where(s => spaceId is null || s.Id == spaceId)
            .SelectMany(s => s.Resources.Select(r => OpenTime.Of(site.Schedules[s.Id], r, span.From, span.To))).ToList();
        return new Facts(clock.GetCurrentInstant(), bookings, households, meals, unmet, open);
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

    /// <summary>Each served household's size and language, and its first visit ever (anonymised households included: they keep both).</summary>
    private async Task<List<HouseholdFact>> HouseholdFactsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var first = new Dictionary<int, Instant>();
        var details = new List<(int Id, int Size, string Language)>();
        // In chunks: SQLite takes at most a few thousand parameters per query.
        foreach (var chunk in ids.Chunk(500))
        {
            var firsts = await db.Bookings.AsNoTracking()
                .Where(b => b.HouseholdId != null && chunk.Contains(b.HouseholdId.Value)
                    && (b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Completed))
                .GroupBy(b => b.HouseholdId!.Value).Select(g => new { g.Key, First = g.Min(b => b.Start) }).ToListAsync(cancellationToken);
            firsts.ForEach(f => first[f.Key] = f.First);
            details.AddRange((await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id))
                .Select(h => new { h.Id, h.Size, h.Language }).ToListAsync(cancellationToken)).Select(h => (h.Id, h.Size, h.Language)));
        }

        return details.Select(h => new HouseholdFact(h.Id, h.Size, h.Language, first.GetValueOrDefault(h.Id))).ToList();
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

    /// <summary>
    /// Demand per day of each space (bookings made for it, absences included, plus unmet wishes), up to yesterday,
    /// read for all the spaces at once, and each space's forecast from it.
    /// </summary>
    private async Task<List<(Space, Forecast?)>> ForecastsAsync(SiteHistory site, List<Space> spaces, CancellationToken cancellationToken)
    {
        var today = clock.GetCurrentInstant().InZone(site.Zone).Date;
        var first = today.PlusWeeks(-(DemandForecast.BacktestWeeks + 8));
        var (start, end) = (first.AtStartOfDayInZone(site.Zone).ToInstant(), today.AtStartOfDayInZone(site.Zone).ToInstant());
        var spaceOf = spaces.SelectMany(s => s.Resources.Select(r => (r.Id, s.Id))).ToDictionary(r => r.Item1, r => r.Item2);
        var resources = spaceOf.Keys.ToList();
        var booked = await db.Bookings.AsNoTracking()
            .Where(b => resources.Contains(b.ResourceId) && b.Start >= start && b.Start < end && b.HouseholdId != null
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Completed
                    || b.Status == BookingStatus.NoShow))
            .Select(b => new { b.ResourceId, b.Start }).ToListAsync(cancellationToken);
        var perDay = booked.GroupBy(b => (Space: spaceOf[b.ResourceId], Day: b.Start.InZone(site.Zone).Date)).ToDictionary(g => g.Key, g => g.Count());
        var unmet = (await UnmetAsync(site.Zone, first, today.PlusDays(-1), spaces.Count == 1 ? spaces[0].Id : null, cancellationToken))
            .DistinctBy(u => (u.SpaceId, u.Day, u.HouseholdId)).GroupBy(u => (Space: u.SpaceId, u.Day)).ToDictionary(g => g.Key, g => g.Count());
        var days = Enumerable.Range(0, Period.DaysBetween(first, today)).Select(i => first.PlusDays(i)).ToList();
        return spaces.Select(space =>
        {
            var history = days.Select(d => (d, perDay.GetValueOrDefault((space.Id, d)) + unmet.GetValueOrDefault((space.Id, d)))).ToList();
            var schedule = site.Schedules[space.Id];
            return (space, DemandForecast.Of(history, today, day => space.Resources.Sum(r => schedule.SlotsOn(r, day).Count() * r.Capacity)));
        }).ToList();
    }
}
