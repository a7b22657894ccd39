using CantinaOps.Domain.Sites;
using NodaTime;

namespace CantinaOps.Domain.Scheduling;

/// <summary>One of a household's bookings as the quota sees it: the kind of machine and its time.</summary>
public readonly record struct QuotaUse(ResourceKind Kind, Interval Time);

/// <summary>
/// Fairness quotas: how many bookings a household may hold per ISO week in spaces of one kind.
/// The tier with the largest "from size" not above the household's size applies, so a coordinator
/// can give larger families more (e.g. laundry: 1+ people → 2, 5+ → 3, 8+ → 4). No tier means no limit.
/// In the laundry the quota counts <b>cycles</b>: a wash and the dry that follows it are one
/// (<see cref="Counted"/>), so accepting the dryer offered after a wash never uses a second booking of the week.
/// </summary>
public sealed class QuotaPolicy(IEnumerable<QuotaTier> tiers)
{
    private readonly IReadOnlyList<QuotaTier> _tiers = tiers.ToList();

    public int? WeeklyLimit(SpaceKind kind, int householdSize) =>
        _tiers.Where(t => t.SpaceKind == kind && t.FromHouseholdSize <= householdSize)
            .OrderByDescending(t => t.FromHouseholdSize)
            .Select(t => (int?)t.BookingsPerWeek)
            .FirstOrDefault();

    /// <summary>
    /// What a household's bookings of one week count toward its quota. Each booking counts one, except a dry
    /// chained to a wash: a dry that starts when one of the household's washes of the same day (site time) has
    /// ended, or later, is that wash's cycle. Each wash takes at most one dry; a dry with no wash before it counts one.
    /// </summary>
    public static int Counted(IEnumerable<QuotaUse> week, DateTimeZone zone)
    {
        var uses = week.ToList();
        var dries = uses.Where(u => u.Kind == ResourceKind.Dryer).OrderBy(u => u.Time.Start).ToList();
        // Unpaired washes per day; a dry takes the latest wash that has ended before it. Any wash open to an
        // earlier dry is open to a later one the same day, so serving dries in order pairs as many as can be.
        var washes = uses.Where(u => u.Kind == ResourceKind.Washer).OrderBy(u => u.Time.End).ToList();
        var paired = 0;
        foreach (var dry in dries)
        {
            var day = dry.Time.Start.InZone(zone).Date;
            var wash = washes.FindLastIndex(w => w.Time.End <= dry.Time.Start && w.Time.Start.InZone(zone).Date == day);
            if (wash >= 0)
            {
                washes.RemoveAt(wash);
                paired++;
            }
        }

        return uses.Count - paired;
    }

    /// <summary>
    /// The refusal for adding <paramref name="adding"/> to a household's week (<paramref name="week"/>, its bookings in
    /// spaces of <paramref name="kind"/>), or null when it fits the quota — a dry chained to a wash always fits.
    /// </summary>
    public QuotaCheck Check(SpaceKind kind, int householdSize, IReadOnlyCollection<QuotaUse> week, QuotaUse adding, DateTimeZone zone)
    {
        var used = Counted(week, zone);
        var limit = WeeklyLimit(kind, householdSize);
        var after = Counted(week.Append(adding), zone);
        return new QuotaCheck(used, limit, limit is { } l && after > used && after > l);
    }
}

/// <summary>What a household's week counts (<see cref="Used"/> of <see cref="Limit"/>) and whether the booking asked for goes over it.</summary>
public readonly record struct QuotaCheck(int Used, int? Limit, bool Exceeded);
