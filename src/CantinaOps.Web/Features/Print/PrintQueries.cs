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
    IStringLocalizer<SharedResource> l, IDataProtectionProvider protection, Family.FamilyNames names)
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
        var column = resources.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var from = site.Zone.AtStartOfDay(monday).ToInstant();
        var to = site.Zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant();
        var held = await PlanBookingsAsync(column.Keys.ToList(), from, to, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        var days = new List<PlanDay>();
        var boundaries = new SortedSet<int>();
        var slotsByDay = result.Slots.ToLookup(a => a.Slot.LocalStart.Date);
        for (var day = monday; day < monday.PlusWeeks(1); day = day.PlusDays(1))
        {
            var label = day.ToDateTimeUnspecified().ToString("dddd d MMMM", culture);
            var dayStart = site.Zone.AtStartOfDay(day).ToInstant();
            var dayEnd = site.Zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
            var onDay = held.Where(h => h.Start < dayEnd && h.End > dayStart).ToList();
            if (site.Site!.Closures.FirstOrDefault(c => c.Covers(day, spaceId)) is { } closure)
            {
                // Blocks still on a closed day wait for the coordinator: the wall keeps them in sight.
                var displaced = onDay.Where(h => h.Status is BookingStatus.Pending or BookingStatus.Confirmed).Select(h =>
                    $"{h.Start.InZone(site.Zone):HH:mm}–{h.End.InZone(site.Zone):HH:mm} {h.Who}"
                    + (resources.Count > 1 ? $" · {resources[column[h.ResourceId]].Name}" : "") + $" ({l[$"Status.{h.Status}"]})").ToList();
                days.Add(new PlanDay(label, closure.Reason, [], displaced));
                continue;
            }

            var cells = new List<PlanCell>();
            var heldOn = onDay.ToLookup(h => h.ResourceId);
            foreach (var a in slotsByDay[day].Where(a => column.ContainsKey(a.Slot.ResourceId)))
            {
                var resource = resources[column[a.Slot.ResourceId]];
                var (start, end) = Minutes(a.Slot);
                var here = heldOn[resource.Id].Where(h => a.Slot.Overlaps(h.Start, h.End)).ToList();
                if (!resource.Kind.IsBookedInBlocks())
                {
                    boundaries.Add(start);
                    boundaries.Add(end);
                }

                cells.Add(Cell(column[resource.Id], start, end, a, here, resource.Kind.IsBookedInBlocks(), site.Zone));
            }

            // A block-booked resource's rows are whole hours across its opening time: a block keeps its own
            // times and spans them, it never adds a row of its own.
            foreach (var open in OpenRanges(cells.Where(c => resources[c.Resource].Kind.IsBookedInBlocks())))
            {
                boundaries.Add(open.From);
                boundaries.Add(open.To);
                for (var hour = (open.From / 60 + 1) * 60; hour < open.To; hour += 60)
                {
                    boundaries.Add(hour);
                }
            }

            if (cells.Count > 0)
            {
                days.Add(new PlanDay(label, null, MergeFreeStretches(cells, resources), []));
            }
        }

        var all = days.SelectMany(d => d.Cells).ToList();
        var rows = boundaries.Zip(boundaries.Skip(1), (a, b) => new PlanRow(a, b))
            .Where(r => all.Any(c => c.From < r.To && r.From < c.To)).ToList();
        var labels = new PlanLabels(l["Week.Time"], l["Print.Closed"], l["Week.Taken"], l["Status.Pending"], l["Week.OutOfService"], l["Week.Free"],
            l["Print.Displaced"]);
        return new WeeklyPlanModel(site.Site!.Name, space.Name, l["Print.WeekOf", monday.ToDateTimeUnspecified().ToString("d MMMM yyyy", culture)],
            l["Print.PrintedOn", PdfDocuments.Stamp(clock.GetCurrentInstant(), site.Zone)], resources.Select(r => r.Name).ToList(), rows, days, labels);
    }

    private sealed record PlanBooking(int ResourceId, Instant Start, Instant End, BookingStatus Status, string Who);

    private async Task<List<PlanBooking>> PlanBookingsAsync(List<int> resourceIds, Instant from, Instant to, CancellationToken cancellationToken) =>
        (await db.Bookings.AsNoTracking()
            // Bounded on HeldFrom (Start while held) so each resource's week is one index range, not its whole history.
            .Where(b => resourceIds.Contains(b.ResourceId) && b.HeldFrom >= from && b.HeldFrom < to && b.Start >= from && b.Start < to)
            .OrderBy(b => b.Start)
            .Select(b => new
            {
                b.ResourceId,
                b.Start,
                b.End,
                b.Status,
                Code = db.Households.Where(h => h.Id == b.HouseholdId).Select(h => h.Code).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == b.PartnerId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
        .Select(b => new PlanBooking(b.ResourceId, b.Start, b.End, b.Status, b.Code ?? b.Partner ?? "?")).ToList();

    /// <summary>One slot (or, for the pro kitchen, one free stretch or one block) as the wall shows it.</summary>
    private PlanCell Cell(int column, int start, int end, SlotAvailability a, List<PlanBooking> here, bool blocks, DateTimeZone zone)
    {
        string Times(PlanBooking h) => $"{h.Start.InZone(zone):HH:mm}–{h.End.InZone(zone):HH:mm}";
        // A household booking off the slot grid (made before the slot length changed) shows its own times.
        string Name(PlanBooking h) => blocks ? $"{h.Who}\n{Times(h)}"
            : h.Start == a.Slot.Start && h.End == a.Slot.End ? h.Who : $"{h.Who} ({Times(h)})";
        if (a.OutOfService)
        {
            return new PlanCell(column, start, end, PlanCellKind.OutOfService, here.Count == 0
                ? l["Week.OutOfService"].Value
                : l["Print.OutOfServiceToMove", string.Join(", ", here.Select(h => h.Who))].Value);
        }

        if (here.Count == 0)
        {
            return new PlanCell(column, start, end, PlanCellKind.Free, null);
        }

        var pending = here.All(h => h.Status == BookingStatus.Pending);
        var text = string.Join(blocks ? "\n" : ", ", here.Select(Name));
        return new PlanCell(column, start, end, pending ? PlanCellKind.Pending : PlanCellKind.Booked,
            pending ? $"{text}\n({l["Status.Pending"]})" : text);
    }

    /// <summary>Free stretches of a block-booked resource next to each other are one free cell (slots stay slots).</summary>
    private static List<PlanCell> MergeFreeStretches(List<PlanCell> cells, List<Resource> resources)
    {
        var merged = new List<PlanCell>();
        foreach (var cell in cells.OrderBy(c => c.Resource).ThenBy(c => c.From))
        {
            if (merged.Count > 0 && merged[^1] is { Kind: PlanCellKind.Free } last && cell.Kind == PlanCellKind.Free
                && last.Resource == cell.Resource && last.To == cell.From && resources[cell.Resource].Kind.IsBookedInBlocks())
            {
                merged[^1] = last with { To = cell.To };
                continue;
            }

            merged.Add(cell);
        }

        return merged;
    }

    /// <summary>Cells of a resource next to each other, merged: the resource's opening ranges that day.</summary>
    private static IEnumerable<(int From, int To)> OpenRanges(IEnumerable<PlanCell> cells)
    {
        foreach (var resource in cells.GroupBy(c => c.Resource))
        {
            (int From, int To)? open = null;
            foreach (var cell in resource.OrderBy(c => c.From))
            {
                if (open is { } o && o.To == cell.From)
                {
                    open = (o.From, cell.To);
                    continue;
                }

                if (open is { } done)
                {
                    yield return done;
                }

                open = (cell.From, cell.To);
            }

            if (open is { } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>A slot's local start and end in minutes since midnight; a slot ending at midnight ends at 1440.</summary>
    private static (int Start, int End) Minutes(Slot slot)
    {
        var start = (int)(slot.LocalStart.TimeOfDay.TickOfDay / NodaConstants.TicksPerMinute);
        var end = slot.LocalEnd.Date > slot.LocalStart.Date ? 1440 : (int)(slot.LocalEnd.TimeOfDay.TickOfDay / NodaConstants.TicksPerMinute);
        return (start, Math.Max(end, start + 1));
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
        return new DaySheetModel(site.Site?.Name ?? "", today.ToDateTimeUnspecified().ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture),
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
        var french = Infrastructure.Localization.Culture("fr");
        var theirs = Infrastructure.Localization.Culture(household.Language);
        var token = protection.CreateProtector(SlipPurpose).Protect(household.Id.ToString(CultureInfo.InvariantCulture));
        return new SlipModel(household.Code, monday.ToDateTimeUnspecified().ToString("d MMM yyyy", french),
            In(theirs, "Print.SlipTitle"), In(french, "Print.SlipTitle"),
            bookings.Select(b =>
            {
                var resource = site.Resource(b.ResourceId)?.Resource;
                var start = b.Start.InZone(site.Zone);
                return new SlipLine(resource?.Kind switch { ResourceKind.Washer => "washer", ResourceKind.Dryer => "dryer", _ => "pot" },
                    start.Date.ToDateTimeUnspecified().ToString("dddd d MMMM", theirs), start.Date.ToDateTimeUnspecified().ToString("dddd d MMMM", french),
                    start.ToString("HH:mm", null), resource?.Name ?? "?", resource is null ? null : names.Of(resource, household.Language));
            }).ToList(),
            $"{baseUrl}/Desk/Households/Scan?t={Uri.EscapeDataString(token)}", In(theirs, "Print.SlipFooter"),
            $"{baseUrl}/Family/SignIn?code={Uri.EscapeDataString(household.Code)}&lang={Uri.EscapeDataString(household.Language)}",
            In(theirs, "Print.SlipQrFamily"), In(french, "Print.SlipQrDesk"));
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
        return new PartnerScheduleModel(site.Site?.Name ?? "", partner.Name,
            first.ToDateTimeUnspecified().ToString("MMMM yyyy", culture), l["Print.PrintedOn", PdfDocuments.Stamp(clock.GetCurrentInstant(), site.Zone)],
            bookings.Select(b => new PartnerLine(b.Start.InZone(site.Zone).Date.ToDateTimeUnspecified().ToString("dddd d MMMM", culture),
                $"{b.Start.InZone(site.Zone):HH:mm}–{b.End.InZone(site.Zone):HH:mm}", site.Resource(b.ResourceId)?.Resource.Name ?? "?",
                l[$"Status.{b.Status}"])).ToList(),
            new Dictionary<string, string> { ["day"] = l["Partner.Day"], ["time"] = l["Week.Time"], ["resource"] = l["OutOfOrder.Machine"], ["status"] = l["Print.Status"] });
    }

    private string In(CultureInfo culture, string key)
    {
        using var _ = Infrastructure.Localization.Use(culture);
        return l[key].Value;
    }
}
