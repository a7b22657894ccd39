using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>A bookable area of the site (a laundry, a kitchen) with its opening hours and booking window.</summary>
public sealed class Space
{
    private readonly List<OpeningRange> _openingHours = [];
    private readonly List<Resource> _resources = [];

    private Space()
    {
        Name = string.Empty;
        Site = null!;
    }

    /// <summary>The longest notice a space may ask for, and the farthest it may be booked ahead.</summary>
    public static readonly Duration MostNotice = Duration.FromDays(30);

    public const int MostHorizonDays = 730;

    internal Space(Site site, string name, SpaceKind kind, Duration minimumNotice, int horizonDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Unknown kind of space.");
        }

        CheckWindow(minimumNotice, horizonDays);
        Site = site;
        Name = name;
        Kind = kind;
        MinimumNotice = minimumNotice;
        HorizonDays = horizonDays;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public Site Site { get; private set; }
    public string Name { get; private set; }
    public SpaceKind Kind { get; private set; }

    /// <summary>How long before a slot starts it can still be booked.</summary>
    public Duration MinimumNotice { get; private set; }

    /// <summary>How many days ahead (counted in local dates from today) a slot can be booked.</summary>
    public int HorizonDays { get; private set; }

    /// <summary>Partner requests in this space wait for the coordinator (they hold their time meanwhile).</summary>
    public bool RequiresApproval { get; private set; }

    /// <summary>A request waits for the coordinator only when a partner makes it here; staff bookings are decided.</summary>
    public bool NeedsApproval(Bookings.BookedBy by) => RequiresApproval && by == Bookings.BookedBy.Partner;

    public IReadOnlyList<OpeningRange> OpeningHours => _openingHours;

    /// <summary>False once retired: a retired space offers nothing and is left off every list; its history stays.</summary>
    public bool IsActive { get; private set; } = true;

    public void Configure(string name, Duration minimumNotice, int horizonDays, bool requiresApproval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckWindow(minimumNotice, horizonDays);
        (Name, MinimumNotice, HorizonDays, RequiresApproval) = (name.Trim(), minimumNotice, horizonDays, requiresApproval);
    }

    /// <summary>
    /// Notice from none to <see cref="MostNotice"/>, horizon from today only to <see cref="MostHorizonDays"/>: beyond, the
    /// days a family is offered would run past the dates the app accepts.
    /// </summary>
    private static void CheckWindow(Duration minimumNotice, int horizonDays)
    {
        if (horizonDays is < 0 or > MostHorizonDays)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonDays), $"The horizon is 0 to {MostHorizonDays} days.");
        }

        if (minimumNotice < Duration.Zero || minimumNotice > MostNotice)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumNotice), "The notice is 0 to 30 days.");
        }
    }

    /// <summary>
    /// Retires the space and every resource in it: no slot is offered there any more, and its future bookings are
    /// left outside the rules, to be moved or cancelled on the affected page like those of a retired machine.
    /// </summary>
    public void Retire()
    {
        IsActive = false;
        foreach (var resource in _resources)
        {
            resource.Retire();
        }
    }

    /// <summary>Replaces a weekday's ranges (all checked before any is changed).</summary>
    public void ReplaceHours(IsoDayOfWeek day, IReadOnlyList<(LocalTime Opens, LocalTime Closes)> ranges)
    {
        var probe = new Space(Site, "probe", Kind, MinimumNotice, HorizonDays);
        foreach (var (opens, closes) in ranges)
        {
            probe.AddOpeningRange(day, opens, closes);
        }

        _openingHours.RemoveAll(r => r.Day == day);
        foreach (var (opens, closes) in ranges)
        {
            AddOpeningRange(day, opens, closes);
        }
    }
    public IReadOnlyList<Resource> Resources => _resources;

    public void AddOpeningRange(IsoDayOfWeek day, LocalTime opens, LocalTime closes)
    {
        var range = new OpeningRange(this, day, opens, closes);
        if (closes <= opens && closes != LocalTime.Midnight)
        {
            throw new ArgumentException("A range must close after it opens (00:00 as closing time means midnight).", nameof(closes));
        }

        var day0 = new LocalDate(2000, 1, 3);
        if (_openingHours.Any(r => r.Day == day && r.OpensOn(day0) < range.ClosesOn(day0) && range.OpensOn(day0) < r.ClosesOn(day0)))
        {
            throw new ArgumentException($"The range {opens}-{closes} overlaps another range on {day}.", nameof(opens));
        }

        _openingHours.Add(range);
    }

    /// <summary>Null when a resource of this kind belongs in this space (no dryer in the professional kitchen).</summary>
    public SettingError? CanHold(ResourceKind kind) =>
        !IsActive ? new SettingError(SettingRule.SpaceRetired, $"{Name} has been retired.")
        : (Kind, kind) is (SpaceKind.Laundry, ResourceKind.Washer or ResourceKind.Dryer)
            or (SpaceKind.FamilyKitchen, ResourceKind.CookingStation)
            or (SpaceKind.ProfessionalKitchen, ResourceKind.ProfessionalKitchen)
            ? null
            : new SettingError(SettingRule.KindNotInSpace, $"A {kind} does not belong in {Name} ({Kind}).");

    public Resource AddResource(string name, ResourceKind kind, int capacity = 1)
    {
        if (CanHold(kind) is { } error)
        {
            throw new ArgumentException(error.Detail, nameof(kind));
        }

        var resource = new Resource(this, name, kind, capacity);
        _resources.Add(resource);
        return resource;
    }

    public IEnumerable<OpeningRange> RangesOn(IsoDayOfWeek day) =>
        _openingHours.Where(r => r.Day == day).OrderBy(r => r.Opens);
}

/// <summary>One opening range of a space on a weekday, in the site's local time.</summary>
public sealed class OpeningRange
{
    private OpeningRange()
    {
        Space = null!;
    }

    internal OpeningRange(Space space, IsoDayOfWeek day, LocalTime opens, LocalTime closes)
    {
        Space = space;
        Day = day;
        Opens = opens;
        Closes = closes;
    }

    public int Id { get; private set; }
    public int SpaceId { get; private set; }
    public Space Space { get; private set; }
    public IsoDayOfWeek Day { get; private set; }
    public LocalTime Opens { get; private set; }
    public LocalTime Closes { get; private set; }

    public LocalDateTime OpensOn(LocalDate day) => day + Opens;

    /// <summary>A closing time of 00:00 means the end of the day.</summary>
    public LocalDateTime ClosesOn(LocalDate day) => Closes == LocalTime.Midnight ? day.PlusDays(1).AtMidnight() : day + Closes;

    public bool Contains(LocalDateTime start, LocalDateTime end) => start >= OpensOn(start.Date) && end <= ClosesOn(start.Date);
}
