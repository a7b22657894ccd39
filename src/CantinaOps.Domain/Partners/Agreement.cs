using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
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
        var spaces = spaceIds.Distinct().ToList();
        if (Validate(firstDay, lastDay, spaces) is { } error)
        {
            throw new ArgumentException(error.Detail, nameof(lastDay));
        }

        PartnerId = partnerId;
        FirstDay = firstDay;
        LastDay = lastDay;
        SpaceIds = spaces;
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
        var spaces = spaceIds.Distinct().ToList();
        if (Validate(firstDay, lastDay, spaces) is { } error)
        {
            throw new ArgumentException(error.Detail, nameof(lastDay));
        }

        (FirstDay, LastDay, SpaceIds) = (firstDay, lastDay, spaces);
    }

    /// <summary>Ends the agreement on <paramref name="lastDay"/> (never later than it already ended).</summary>
    public SettingError? EndOn(LocalDate lastDay)
    {
        if (Validate(FirstDay, lastDay < LastDay ? lastDay : LastDay, SpaceIds) is { } error)
        {
            return error;
        }

        LastDay = lastDay < LastDay ? lastDay : LastDay;
        return null;
    }

    /// <summary>
    /// Null when an agreement can run over these days: inside the app's window of dates (a year -1 made
    /// every later load of the partners' page fail), ending on or after its first day, covering a space.
    /// </summary>
    public static SettingError? Validate(LocalDate firstDay, LocalDate lastDay, IReadOnlyCollection<int> spaceIds)
    {
        if (!DateWindow.Contains(firstDay) || !DateWindow.Contains(lastDay))
        {
            return new SettingError(SettingRule.DateOutsideWindow, DateWindow.Explain("An agreement's first and last day"));
        }

        if (lastDay < firstDay)
        {
            return new SettingError(SettingRule.AgreementEndsBeforeStart, "An agreement ends on or after its first day.");
        }

        return spaceIds.Count == 0 ? new SettingError(SettingRule.AgreementWithoutSpace, "An agreement covers at least one space.") : null;
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
        return periods.Count == 0
            ? Refusal.Because(Rule.OutsideAgreement, "no-agreement", $"The partner has no agreement for this space.")
            : Refusal.Because(Rule.OutsideAgreement, "outside-agreement", $"{day:d MMMM yyyy} is outside the partner's agreement ({string.Join(", ", periods)}).");
    }
}
