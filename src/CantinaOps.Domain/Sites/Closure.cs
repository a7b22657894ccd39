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
        if (length < Duration.FromMinutes(5) || length > Duration.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A slot lasts between 5 minutes and 12 hours.");
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

    internal QuotaTier(Site site, SpaceKind spaceKind, int fromHouseholdSize, int bookingsPerWeek)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromHouseholdSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(bookingsPerWeek);
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
}
