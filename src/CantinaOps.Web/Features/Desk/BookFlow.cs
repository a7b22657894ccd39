using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

/// <summary>The queries behind "book for a household": search, the household's week, free slots, the dryer to offer.</summary>
public sealed class BookFlow(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, WalkInPolicy walkIn, IClock clock)
{
    public sealed record Found(int Id, string Code, string? Name, int Size, string Language, string? Hotel, bool Active);

    public sealed record Quota(SpaceKind Kind, string Space, int Used, int? Limit);

    public sealed record FreeSlot(int ResourceId, string Resource, ResourceKind Kind, string Start, string Time);

    /// <summary>One page of what a search found, and how many it found in all.</summary>
    public sealed record Page(IReadOnlyList<Found> Items, int Total, int Skip);

    public const int PageSize = 20;

    /// <summary>
    /// By code (exact or its start), by name or hotel whatever the case and accents (<see cref="HouseholdSearch"/>),
    /// or by any run of a phone's digits. Active households first, then by code.
    /// </summary>
    public async Task<Page> SearchAsync(string query, int page, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        var code = HouseholdCode.Normalise(text);
        var prefix = text.ToUpperInvariant();
        var folded = HouseholdSearch.Fold(text);
        var digits = HouseholdSearch.QueryDigits(text);
        var found = db.Households.AsNoTracking()
            .Where(h => h.MergedIntoId == null && (h.Code == code || h.Code.StartsWith(prefix)
                || (folded.Length > 0 && h.SearchText != null && h.SearchText.Contains(folded))
                || (digits != null && h.SearchText != null && h.SearchText.Contains(digits))));
        var total = await found.CountAsync(cancellationToken);
        var skip = Math.Clamp(page - 1, 0, Math.Max(0, (total - 1) / PageSize)) * PageSize;
        var items = await found.OrderByDescending(h => h.IsActive).ThenBy(h => h.Code).Skip(skip).Take(PageSize)
            .Select(h => new Found(h.Id, h.Code, h.DisplayName, h.Size, h.Language, h.Hotel, h.IsActive))
            .ToListAsync(cancellationToken);
        return new Page(items, total, skip);
    }

    /// <summary>What the desk sees before searching: the households of the latest bookings up to today, then the newest registered.</summary>
    public async Task<IReadOnlyList<Found>> RecentlySeenAsync(CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var until = site.Zone.AtStartOfDay(site.Zone.Today(clock.GetCurrentInstant()).PlusDays(1)).ToInstant();
        var latest = await db.Bookings.AsNoTracking()
            .Where(b => b.HouseholdId != null && b.Start < until && b.Status != BookingStatus.Cancelled)
            .OrderByDescending(b => b.Start).Take(10 * PageSize).Select(b => b.HouseholdId!.Value).ToListAsync(cancellationToken);
        var ids = latest.Distinct().Take(PageSize).ToList();
        var seen = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id) && h.IsActive && h.MergedIntoId == null)
            .Select(h => new Found(h.Id, h.Code, h.DisplayName, h.Size, h.Language, h.Hotel, h.IsActive))
            .ToListAsync(cancellationToken);
        var ordered = seen.OrderBy(f => ids.IndexOf(f.Id)).ToList();
        if (ordered.Count < PageSize)
        {
            var known = ordered.Select(f => f.Id).ToList();
            ordered.AddRange(await db.Households.AsNoTracking().Where(h => h.IsActive && h.MergedIntoId == null && !known.Contains(h.Id))
                .OrderByDescending(h => h.Id).Take(PageSize - ordered.Count)
                .Select(h => new Found(h.Id, h.Code, h.DisplayName, h.Size, h.Language, h.Hotel, h.IsActive))
                .ToListAsync(cancellationToken));
        }

        return ordered;
    }

    public Task<Household?> HouseholdAsync(int id, CancellationToken cancellationToken) =>
        db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);

    /// <summary>The household's bookings in the week of a day against its quota, per kind of space.</summary>
    public async Task<IReadOnlyList<Quota>> QuotasAsync(Household household, LocalDate day, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        var usage = await db.WeekUsageAsync(site, household, site.Zone.AtStartOfDay(day).ToInstant(), cancellationToken);
        return usage.Select(u => new Quota(u.Space.Kind, u.Space.Name, u.Used, u.Limit)).ToList();
    }

    public async Task<(IReadOnlyList<(int Id, string Name, SpaceKind Kind)> Spaces, LocalDate Today)> SpacesAsync(
        CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        return (site.Spaces.Where(s => s.Kind != SpaceKind.ProfessionalKitchen).OrderBy(s => s.Kind)
            .Select(s => (s.Id, s.Name, s.Kind)).ToList(), site.Zone.Today(clock.GetCurrentInstant()));
    }

    /// <summary>Free slots of a space on a day that the desk can still give (a started one until its end minus the walk-in margin).</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int spaceId, LocalDate day, CancellationToken cancellationToken)
    {
        var siteId = await availability.DefaultSiteIdAsync(cancellationToken);
        var result = await availability.RunAsync(siteId, day, 1, s => s.Id == spaceId, cancellationToken);
        var now = clock.GetCurrentInstant();
        return result.SelectMany(s => s.Slots.Where(a => a.Free).Select(a =>
        {
            var resource = s.Space.Resources.Single(r => r.Id == a.Slot.ResourceId);
            if (s.Schedule.CheckWalkIn(resource, a.Slot, now, BookedBy.Desk, walkIn) is not null)
            {
                return null;
            }

            return new FreeSlot(resource.Id, resource.Name, resource.Kind, Api.SiteDateTimeText.Format(a.Slot.Start, s.Schedule.Zone),
                a.Slot.LocalStart.ToString("HH:mm", null));
        })).OfType<FreeSlot>().OrderBy(f => f.Start, StringComparer.Ordinal).ThenBy(f => f.Resource, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Whether the slot asked for still fits the household's weekly quota, as the booking will decide it (a dry
    /// chained to a wash fits): shown before the confirm button, so the desk is never offered what is then refused.
    /// </summary>
    public async Task<QuotaCheck> SlotQuotaAsync(Household household, ResourceRules target, Instant start, CancellationToken cancellationToken)
    {
        var week = await db.WeekBookingsAsync(target.Schedule.Zone, household.Id, start, cancellationToken);
        var slot = target.Schedule.SlotsOn(target.Resource, start.InZone(target.Schedule.Zone).Date).FirstOrDefault(s => s.Start == start);
        return target.Schedule.Quota(household, target.Site.QuotaWeek(target.Schedule.Space.Kind, week), target.Resource.Kind,
            slot?.Time ?? new Interval(start, start), new QuotaPolicy(target.Schedule.Space.Site.QuotaTiers));
    }

    /// <summary>For a wash: the first free dryer slots from the end of the wash, that day.</summary>
    public async Task<IReadOnlyList<FreeSlot>> DryerOffersAsync(ResourceRules wash, Instant washStart, CancellationToken cancellationToken)
    {
        if (wash.Resource.Kind != ResourceKind.Washer)
        {
            return [];
        }

        var slot = wash.Schedule.SlotsOn(wash.Resource, washStart.InZone(wash.Schedule.Zone).Date).FirstOrDefault(s => s.Start == washStart);
        if (slot is null)
        {
            return [];
        }

        var free = await FreeSlotsAsync(wash.Schedule.Space.Id, slot.LocalStart.Date, cancellationToken);
        var washEnd = Api.SiteDateTimeText.Format(slot.End, wash.Schedule.Zone);
        return free.Where(f => f.Kind == ResourceKind.Dryer && string.CompareOrdinal(f.Start, washEnd) >= 0)
            .GroupBy(f => f.Start).Take(3).Select(g => g.First()).ToList();
    }
}
