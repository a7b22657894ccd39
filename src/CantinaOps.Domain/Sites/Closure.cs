using CantinaOps.Domain.Scheduling;
using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>Days when the whole site, or one space, is closed (public holiday, annual closure, one-off).</summary>
public sealed class Closure
{
    private Closure()
    {
        Reason = string.Empty;
        Site = null!;
    }

    internal Closure(Site site, LocalDate first, LocalDate last, string reason, Space? onlySpace)
    {
        if (last < first)
        {
            throw new ArgumentException("A closure must end on or after its first day.", nameof(last));
        }

        if (!DateWindow.Contains(first) || !DateWindow.Contains(last))
        {
            throw new ArgumentOutOfRangeException(nameof(first), DateWindow.Explain("A closure"));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Site = site;
        FirstDay = first;
        LastDay = last;
        Reason = reason;
        Space = onlySpace;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site Site { get; private set; }

    /// <summary>Null when the whole site is closed.</summary>
    public int? SpaceId { get; private set; }
    public Space? Space { get; private set; }

    public LocalDate FirstDay { get; private set; }
    public LocalDate LastDay { get; private set; }
    public string Reason { get; private set; }

    public bool Covers(LocalDate day, int spaceId)
    {
        var onlySpace = Space?.Id ?? SpaceId;
        return day >= FirstDay && day <= LastDay && (onlySpace is null || onlySpace == spaceId);
    }
}

/// <summary>The slot length of a kind of resource at a site (a wash is 60 min, a cooking session 120 min).</summary>
public sealed class SlotLength
{
    private SlotLength()
    {
        Site = null!;
    }

    internal SlotLength(Site site, ResourceKind kind, Duration length)
    {
        if (Check(length) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(length), error.Detail);
        }

        Site = site;
        Kind = kind;
        Length = length;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site Site { get; private set; }
    public ResourceKind Kind { get; private set; }
    public Duration Length { get; private set; }

    public static SettingError? Check(Duration length) =>
        length < Duration.FromMinutes(5) || length > Duration.FromHours(12)
            ? new SettingError(SettingRule.SlotLengthOutOfRange, "A slot lasts between 5 minutes and 12 hours.")
            : null;
}

/// <summary>
/// A fairness tier: households of at least <see cref="FromHouseholdSize"/> people may hold
/// <see cref="BookingsPerWeek"/> bookings per ISO week in spaces of one kind.
/// </summary>
public sealed class QuotaTier
{
    private QuotaTier()
    {
        Site = null!;
    }

    public const int LargestHousehold = 30;
    public const int MostPerWeek = 50;

    internal QuotaTier(Site site, SpaceKind spaceKind, int fromHouseholdSize, int bookingsPerWeek)
    {
        if (Check(spaceKind, fromHouseholdSize, bookingsPerWeek) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(fromHouseholdSize), error.Detail);
        }

        Site = site;
        SpaceKind = spaceKind;
        FromHouseholdSize = fromHouseholdSize;
        BookingsPerWeek = bookingsPerWeek;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site Site { get; private set; }
    public SpaceKind SpaceKind { get; private set; }
    public int FromHouseholdSize { get; private set; }
    public int BookingsPerWeek { get; private set; }

    /// <summary>Null when the tier can be set. Partners' kitchen has no quota: partners book by agreement.</summary>
    public static SettingError? Check(SpaceKind spaceKind, int fromHouseholdSize, int bookingsPerWeek) =>
        fromHouseholdSize is < 1 or > LargestHousehold || bookingsPerWeek is < 0 or > MostPerWeek || spaceKind == SpaceKind.ProfessionalKitchen
            ? new SettingError(SettingRule.QuotaOutOfRange,
                $"A quota is for households of 1 to {LargestHousehold} people, 0 to {MostPerWeek} bookings a week, in the laundry or the family kitchen.")
            : null;
}
