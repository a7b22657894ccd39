using CantinaOps.Domain.Bookings;
using NodaTime;

namespace CantinaOps.Domain.Partners;

/// <summary>
/// A partner's agreement (convention) with the site: the days it runs and the spaces it covers.
/// A partner's block is allowed only on a day and in a space one of its agreements covers.
/// </summary>
public sealed class Agreement
{
    private Agreement()
    {
        SpaceIds = [];
    }

    public Agreement(int partnerId, LocalDate firstDay, LocalDate lastDay, IEnumerable<int> spaceIds, string? reference = null)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException("An agreement ends on or after its first day.", nameof(lastDay));
        }

        PartnerId = partnerId;
        FirstDay = firstDay;
        LastDay = lastDay;
        SpaceIds = spaceIds.Distinct().ToList();
        Reference = reference;
    }

    public int Id { get; private set; }
    public int PartnerId { get; private set; }
    public LocalDate FirstDay { get; private set; }
    public LocalDate LastDay { get; private set; }
    public List<int> SpaceIds { get; private set; }
    public string? Reference { get; private set; }

    public bool Covers(int spaceId, LocalDate day) => day >= FirstDay && day <= LastDay && SpaceIds.Contains(spaceId);

    public void Change(LocalDate firstDay, LocalDate lastDay, IEnumerable<int> spaceIds)
    {
        if (lastDay < firstDay)
        {
            throw new ArgumentException("An agreement ends on or after its first day.", nameof(lastDay));
        }

        (FirstDay, LastDay, SpaceIds) = (firstDay, lastDay, spaceIds.Distinct().ToList());
    }

    /// <summary>Null when one of the agreements covers the day and space; the refusal otherwise, naming what exists.</summary>
    public static Refusal? Check(IEnumerable<Agreement> agreements, int spaceId, LocalDate day)
    {
        var list = agreements.ToList();
        if (list.Any(a => a.Covers(spaceId, day)))
        {
            return null;
        }

        var periods = list.Where(a => a.SpaceIds.Contains(spaceId)).Select(a => $"{a.FirstDay:d MMM yyyy}–{a.LastDay:d MMM yyyy}").ToList();
        return new Refusal(Rule.OutsideAgreement, periods.Count == 0
            ? "The partner has no agreement for this space."
            : $"{day:d MMMM yyyy} is outside the partner's agreement ({string.Join(", ", periods)}).");
    }
}
