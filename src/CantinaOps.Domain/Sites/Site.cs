using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>A tiers-lieu: one building with its spaces, its time zone and its site-wide rules.</summary>
public sealed class Site
{
    private readonly List<Space> _spaces = [];
    private readonly List<Closure> _closures = [];
    private readonly List<SlotLength> _slotLengths = [];
    private readonly List<QuotaTier> _quotaTiers = [];

    private Site()
    {
        Name = string.Empty;
        TimeZoneId = string.Empty;
    }

    public Site(string name, string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is null)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        }

        Name = name;
        TimeZoneId = timeZoneId;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string TimeZoneId { get; private set; }
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public IReadOnlyList<Space> Spaces => _spaces;
    public IReadOnlyList<Closure> Closures => _closures;
    public IReadOnlyList<SlotLength> SlotLengths => _slotLengths;
    public IReadOnlyList<QuotaTier> QuotaTiers => _quotaTiers;

    public Space AddSpace(string name, SpaceKind kind, Duration minimumNotice, int horizonDays)
    {
        var space = new Space(this, name, kind, minimumNotice, horizonDays);
        _spaces.Add(space);
        return space;
    }

    public Closure AddClosure(LocalDate first, LocalDate last, string reason, Space? onlySpace = null)
    {
        var closure = new Closure(this, first, last, reason, onlySpace);
        _closures.Add(closure);
        return closure;
    }

    public void SetSlotLength(ResourceKind kind, Duration length)
    {
        _slotLengths.RemoveAll(s => s.Kind == kind);
        _slotLengths.Add(new SlotLength(this, kind, length));
    }

    public void SetQuota(SpaceKind kind, int fromHouseholdSize, int bookingsPerWeek)
    {
        _quotaTiers.RemoveAll(q => q.SpaceKind == kind && q.FromHouseholdSize == fromHouseholdSize);
        _quotaTiers.Add(new QuotaTier(this, kind, fromHouseholdSize, bookingsPerWeek));
    }
}
