using System.Globalization;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Print;

/// <summary>Builds each printed document's model from the database (the model is then rendered as PDF or HTML).</summary>
public sealed class PrintQueries(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, IClock clock,
    IStringLocalizer<SharedResource> l, IDataProtectionProvider protection)
{
    public const string SlipPurpose = "household-slip";

    /// <summary>
    /// Today at the site, the default day of every printed page: from 23:00 or 22:00 UTC, Paris is
    /// already on the next day, and a plan printed just after midnight must show the new week or month.
    /// </summary>
    public async Task<LocalDate> TodayAsync(CancellationToken cancellationToken) =>
        (await rules.DefaultAsync(db, cancellationToken)).Zone.Today(clock.GetCurrentInstant());

    public async Task<WeeklyPlanModel?> WeeklyPlanAsync(int spaceId, LocalDate anyDay, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        if (site.Spaces.FirstOrDefault(s => s.Id == spaceId) is not { } space)
        {
            return null;
        }

        var monday = anyDay.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var result = (await availability.RunAsync(site.SiteId, monday, 7, s => s.Id == spaceId, cancellationToken)).Single();
        var resources = space.Resources.Where(r => r.IsActive).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var from = site.Zone.AtStartOfDay(monday).ToInstant();
        var to = site.Zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant();
        var labels = await db.HeldLabelsAsync(resources.Select(r => r.Id).ToList(), site.Zone, from, to, markCheckedIn: false, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        var days = new List<PlanDay>();
        for (var day = monday; day < monday.PlusWeeks(1); day = day.PlusDays(1))
        {
            var closure = site.Spaces[0].Site.Closures.FirstOrDefault(c => c.Covers(day, spaceId));
            var slots = result.Slots.Where(a => a.Slot.LocalStart.Date == day).ToList();
            var rows = slots.GroupBy(a => a.Slot.LocalStart.TimeOfDay).OrderBy(g => g.Key).Select(g => new PlanRow(
                Time(g.First().Slot, site.Zone),
                resources.Select(r => g.FirstOrDefault(a => a.Slot.ResourceId == r.Id) is { } a
                    ? a.OutOfService ? l["Week.OutOfService"].Value : labels.For(a.Slot)
                    : null).ToList())).ToList();
            if (closure is not null || rows.Count > 0)
            {
                days.Add(new PlanDay(day.ToDateTimeUnspecified().ToString("dddd d MMMM", culture), closure?.Reason, rows));
            }
        }

        return new WeeklyPlanModel(site.Spaces[0].Site.Name, space.Name, l["Print.WeekOf", monday.ToDateTimeUnspecified().ToString("d MMMM yyyy", culture)],
            l["Print.PrintedOn", PdfDocuments.Stamp(clock.GetCurrentInstant(), site.Zone)], resources.Select(r => r.Name).ToList(), days,
            l["Week.Free"], l["Week.OutOfService"], l["Coord.Closures"], l["Week.Time"]);
    }

    public async Task<DaySheetModel> DaySheetAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var now = clock.GetCurrentInstant();
        var today = site.Zone.Today(now);
        var from = site.Zone.AtStartOfDay(today).ToInstant();
        var to = site.Zone.AtStartOfDay(today.PlusDays(1)).ToInstant();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Start >= from && b.Start < to && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn))
            .OrderBy(b => b.Start)
            .Select(b => new
            {
                b.Start,
                b.ResourceId,
                Household = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => new { h.Code, h.Size, h.Language }).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == b.PartnerId).Select(p => p.Name).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var toTell = await db.Set<Messaging.Dispatch>().AsNoTracking()
            .Where(d => d.HouseholdId != null && (d.Status == Messaging.DispatchStatus.ToTellInPerson || d.Status == Messaging.DispatchStatus.Unconfirmed))
            .Select(d => new { Code = db.Households.Where(h => h.Id == d.HouseholdId).Select(h => h.Code).First(), d.Topic })
            .ToListAsync(cancellationToken);
        var labels = new Dictionary<string, string>
        {
            ["title"] = l["Print.DaySheet"],
            ["time"] = l["Week.Time"],
            ["resource"] = l["OutOfOrder.Machine"],
            ["household"] = l["Print.Household"],
            ["people"] = l["Household.Size"],
            ["language"] = l["Household.Language"],
            ["arrived"] = l["Board.CheckIn"],
            ["walkins"] = l["Print.Walkins"],
            ["totell"] = l["Board.ToTell"],
        };
        return new DaySheetModel(site.Spaces.Count > 0 ? site.Spaces[0].Site.Name : "", today.ToDateTimeUnspecified().ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture),
            l["Print.PrintedOn", PdfDocuments.Stamp(now, site.Zone)],
            rows.Select(r => new Arrival(r.Start.InZone(site.Zone).ToString("HH:mm", null), site.Resource(r.ResourceId)?.Resource.Name ?? "?",
                r.Household?.Code ?? r.Partner ?? "?", r.Household?.Size.ToString(CultureInfo.InvariantCulture),
                r.Household is null ? null : Infrastructure.Localization.NativeName(r.Household.Language))).ToList(),
            toTell.Select(t => $"{t.Code} — {l[$"Topic.{t.Topic}"]}").ToList(), labels);
    }

    public async Task<SlipModel?> SlipAsync(int householdId, LocalDate anyDay, string baseUrl, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
        {
            return null;
        }

        var site = await rules.DefaultAsync(db, cancellationToken);
        var monday = anyDay.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var from = site.Zone.AtStartOfDay(monday).ToInstant();
        var to = site.Zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.HouseholdId == householdId && b.Start >= from && b.Start < to && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.Start).ToListAsync(cancellationToken);
        var french = CultureInfo.GetCultureInfo("fr");
        var theirs = CultureInfo.GetCultureInfo(household.Language);
        var token = protection.CreateProtector(SlipPurpose).Protect(household.Id.ToString(CultureInfo.InvariantCulture));
        return new SlipModel(household.Code, monday.ToDateTimeUnspecified().ToString("d MMM yyyy", french),
            In(theirs, "Print.SlipTitle"), In(french, "Print.SlipTitle"),
            bookings.Select(b =>
            {
                var resource = site.Resource(b.ResourceId)?.Resource;
                var start = b.Start.InZone(site.Zone);
                return new SlipLine(resource?.Kind switch { ResourceKind.Washer => "washer", ResourceKind.Dryer => "dryer", _ => "pot" },
                    start.Date.ToDateTimeUnspecified().ToString("dddd d MMMM", theirs), start.Date.ToDateTimeUnspecified().ToString("dddd d MMMM", french),
                    start.ToString("HH:mm", null), resource?.Name ?? "?");
            }).ToList(),
            $"{baseUrl}/Desk/Households/Scan?t={Uri.EscapeDataString(token)}", In(theirs, "Print.SlipFooter"));
    }

    public async Task<PartnerScheduleModel?> PartnerScheduleAsync(int partnerId, LocalDate month, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return null;
        }

        var site = await rules.DefaultAsync(db, cancellationToken);
        var first = new LocalDate(month.Year, month.Month, 1);
        var from = site.Zone.AtStartOfDay(first).ToInstant();
        var to = site.Zone.AtStartOfDay(first.PlusMonths(1)).ToInstant();
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.PartnerId == partnerId && b.Start >= from && b.Start < to && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined)
            .OrderBy(b => b.Start).ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        return new PartnerScheduleModel(site.Spaces.Count > 0 ? site.Spaces[0].Site.Name : "", partner.Name,
            first.ToDateTimeUnspecified().ToString("MMMM yyyy", culture), l["Print.PrintedOn", PdfDocuments.Stamp(clock.GetCurrentInstant(), site.Zone)],
            bookings.Select(b => new PartnerLine(b.Start.InZone(site.Zone).Date.ToDateTimeUnspecified().ToString("dddd d MMMM", culture),
                $"{b.Start.InZone(site.Zone):HH:mm}–{b.End.InZone(site.Zone):HH:mm}", site.Resource(b.ResourceId)?.Resource.Name ?? "?",
                l[$"Status.{b.Status}"])).ToList(),
            new Dictionary<string, string> { ["day"] = l["Partner.Day"], ["time"] = l["Week.Time"], ["resource"] = l["OutOfOrder.Machine"], ["status"] = l["Print.Status"] });
    }

    private static string Time(Slot slot, DateTimeZone zone) => slot.Start.InZone(zone).ToString("HH:mm", null);

    private string In(CultureInfo culture, string key)
    {
        using var _ = Infrastructure.Localization.Use(culture);
        return l[key].Value;
    }
}
