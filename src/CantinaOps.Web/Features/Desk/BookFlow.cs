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
public sealed class BookFlow(CantinaOpsDb db, ScheduleCache rules, AvailabilityQuery availability, IClock clock)
{
    public sealed record Found(int Id, string Code, string? Name, int Size, string Language, string? Hotel, bool Active);

    public sealed record Quota(SpaceKind Kind, string Space, int Used, int? Limit);

    public sealed record FreeSlot(int ResourceId, string Resource, ResourceKind Kind, string Start, string Time);

    public async Task<IReadOnlyList<Found>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        var code = HouseholdCode.Normalise(text);
        var prefix = text.ToUpperInvariant();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var tail = digits.Length >= 4 ? digits[^Math.Min(9, digits.Length)..] : null;
        return await db.Households.AsNoTracking()
            .Where(h => h.MergedIntoId == null && (h.Code == code || h.Code.StartsWith(prefix)
                || (h.DisplayName != null && EF.Functions.Like(h.DisplayName, $"%{text}%"))
                || (h.Hotel != null && EF.Functions.Like(h.Hotel, $"%{text}%"))
                || (tail != null && h.Phone != null && h.Phone.EndsWith(tail))))
            .OrderByDescending(h => h.IsActive).ThenBy(h => h.Code).Take(20)
            .Select(h => new Found(h.Id, h.Code, h.DisplayName, h.Size, h.Language, h.Hotel, h.IsActive))
            .ToListAsync(cancellationToken);
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

    /// <summary>Free slots of a space on a day that can still be booked (later than now).</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int spaceId, LocalDate day, CancellationToken cancellationToken)
    {
        var siteId = await availability.DefaultSiteIdAsync(cancellationToken);
        var result = await availability.RunAsync(siteId, day, 1, s => s.Id == spaceId, cancellationToken);
        var now = clock.GetCurrentInstant();
        return result.SelectMany(s => s.Slots.Where(a => a.Free && a.Slot.Start > now).Select(a =>
        {
            var resource = s.Space.Resources.Single(r => r.Id == a.Slot.ResourceId);
            return new FreeSlot(resource.Id, resource.Name, resource.Kind, Api.SiteDateTimeText.Format(a.Slot.Start, s.Schedule.Zone),
                a.Slot.LocalStart.ToString("HH:mm", null));
        })).OrderBy(f => f.Start, StringComparer.Ordinal).ThenBy(f => f.Resource, StringComparer.Ordinal).ToList();
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
