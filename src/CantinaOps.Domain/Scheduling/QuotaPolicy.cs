using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// Fairness quotas: how many bookings a household may hold per ISO week in spaces of one kind.
/// The tier with the largest "from size" not above the household's size applies, so a coordinator
/// can give larger families more (e.g. laundry: 1+ people → 2, 5+ → 3, 8+ → 4). No tier means no limit.
/// </summary>
public sealed class QuotaPolicy(IEnumerable<QuotaTier> tiers)
{
    private readonly IReadOnlyList<QuotaTier> _tiers = tiers.ToList();

    public int? WeeklyLimit(SpaceKind kind, int householdSize) =>
        _tiers.Where(t => t.SpaceKind == kind && t.FromHouseholdSize <= householdSize)
            .OrderByDescending(t => t.FromHouseholdSize)
            .Select(t => (int?)t.BookingsPerWeek)
            .FirstOrDefault();
}
