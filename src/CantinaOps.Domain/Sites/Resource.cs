using CantinaOps.Domain.Bookings;
using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>One bookable thing: a washer, a dryer, a cooking station, the professional kitchen.</summary>
public sealed class Resource
{
    private readonly List<ResourceOutage> _outages = [];

    private Resource()
    {
        Name = string.Empty;
        Space = null!;
    }

    internal Resource(Space space, string name, ResourceKind kind, int capacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Space = space;
        Name = name;
        Kind = kind;
        Capacity = kind.IsBookedInBlocks() ? 1 : capacity;
        IsActive = true;
    }

    public int Id { get; private set; }
    public int SpaceId { get; private set; }
    public Space Space { get; private set; }
    public string Name { get; private set; }
    public ResourceKind Kind { get; private set; }

    /// <summary>How many bookings one slot of this resource can hold at once (1 for a machine).</summary>
    public int Capacity { get; private set; }

    /// <summary>False once the resource is retired; retired resources offer no slots.</summary>
    public bool IsActive { get; private set; }

    public IReadOnlyList<ResourceOutage> Outages => _outages;

    public ResourceOutage MarkOutOfService(Instant from, Instant? until, string reason)
    {
        var outage = new ResourceOutage(this, from, until, reason);
        _outages.Add(outage);
        return outage;
    }

    public bool IsOutOfServiceDuring(Interval interval) => _outages.Any(o => o.Overlaps(interval));

    /// <summary>
    /// Whether a booking of this resource waits for the desk: still confirmed, not over, and held
    /// during an outage, so it must be moved or cancelled rather than shown as normal.
    /// </summary>
    public bool Strands(BookingStatus status, Interval time, Instant now) =>
        status == BookingStatus.Confirmed && time.End > now && IsOutOfServiceDuring(time);

    /// <summary>Outages that have not ended yet (current and planned), earliest first.</summary>
    public IEnumerable<ResourceOutage> OutagesNotEnded(Instant now) =>
        _outages.Where(o => o.Until is not { } until || until > now).OrderBy(o => o.From);

    /// <summary>
    /// Changes an outage that has not ended. One that has started keeps its start (that part already
    /// happened and may explain cancelled bookings); its end may move but not into the past — ending it
    /// now is <see cref="BackInService"/>.
    /// </summary>
    public OutageChange EditOutage(int outageId, Instant from, Instant? until, string reason, Instant now)
    {
        if (_outages.FirstOrDefault(o => o.Id == outageId) is not { } outage)
        {
            return OutageChange.NotFound;
        }

        if (outage.Until is { } ended && ended <= now)
        {
            return OutageChange.AlreadyEnded;
        }

        var started = outage.From <= now;
        if (started && from != outage.From)
        {
            return OutageChange.AlreadyStarted;
        }

        if ((until is { } end && (end <= from || end <= now)) || (!started && from < now))
        {
            return OutageChange.InvalidTimes;
        }

        outage.Change(from, until, reason);
        return OutageChange.Done;
    }

    /// <summary>
    /// Removes a planned outage. One that has started is ended with <see cref="BackInService"/>
    /// instead, and one that has ended stays as history.
    /// </summary>
    public OutageChange RemoveOutage(int outageId, Instant now)
    {
        if (_outages.FirstOrDefault(o => o.Id == outageId) is not { } outage)
        {
            return OutageChange.NotFound;
        }

        if (outage.From <= now)
        {
            return outage.IsCurrent(now) ? OutageChange.AlreadyStarted : OutageChange.AlreadyEnded;
        }

        _outages.Remove(outage);
        return OutageChange.Done;
    }

    /// <summary>
    /// The machine works again from <paramref name="now"/>: the current outage ends exactly then and
    /// planned ones are removed, so nothing is left that blocks a slot. (Shortening a planned outage to
    /// its first second, as before, left a "ghost" that still blocked the slot it started in.)
    /// </summary>
    /// <returns>How many outages were ended or removed.</returns>
    public int BackInService(Instant now)
    {
        var changed = 0;
        foreach (var outage in OutagesNotEnded(now).ToList())
        {
            if (outage.From < now)
            {
                outage.Change(outage.From, now, outage.Reason);
            }
            else
            {
                // Planned, or starting this very instant: it never made the machine unavailable.
                _outages.Remove(outage);
            }

            changed++;
        }

        return changed;
    }

    public void Retire() => IsActive = false;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public const int MaxNameLength = 120;

    /// <summary>
    /// Names the coordinator gave in some languages, one <c>tag=name</c> a line. <see cref="Name"/> stays the
    /// site's own name (the desk, the wall plans, the audit); families see <see cref="FamilyName"/>.
    /// </summary>
    public string? LocalNames { get; private set; }

    public IReadOnlyDictionary<string, string> NamesByLanguage =>
        (LocalNames ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>Gives the resource a name in one language (an empty name takes it back to the kind and number).</summary>
    /// <returns>False for a language the app does not speak or a name too long or on several lines.</returns>
    public bool SetLocalName(string language, string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (!Households.Languages.IsSupported(language) || trimmed.Length > MaxNameLength || trimmed.Contains('\n', StringComparison.Ordinal)
            || trimmed.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        var names = NamesByLanguage.Where(n => n.Key != language).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        if (trimmed.Length > 0)
        {
            names[language] = trimmed;
        }

        LocalNames = names.Count == 0 ? null : string.Join('\n', names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"));
        return true;
    }

    /// <summary>
    /// The number a family reads on the machine: the one that ends its name ("Lave-linge 2" → 2), otherwise its
    /// place among the space's resources of its kind, in the order they were added.
    /// </summary>
    public int Number
    {
        get
        {
            var digits = new string(Name.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
            if (digits.Length is > 0 and < 6)
            {
                return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            }

            var sameKind = Space.Resources.Where(r => r.Kind == Kind).OrderBy(r => r.Id).ToList();
            return sameKind.IndexOf(this) + 1;
        }
    }

    /// <summary>
    /// What a family reading <paramref name="language"/> is shown: the coordinator's name in that language, or the
    /// kind of machine in that language and its number ("غسالة 1"), so no family reads a name in a language it
    /// may not know. <paramref name="kindWord"/> gives the kind's word in the language.
    /// </summary>
    public string FamilyName(string language, Func<ResourceKind, string> kindWord) =>
        NamesByLanguage.TryGetValue(language, out var name) ? name
        : Kind.IsBookedInBlocks() ? kindWord(Kind)
        : $"{kindWord(Kind)} {Number}";
}

/// <summary>A period when a resource cannot be used; an open end means "until further notice".</summary>
public sealed class ResourceOutage
{
    private ResourceOutage()
    {
        Reason = string.Empty;
        Resource = null!;
    }

    internal ResourceOutage(Resource resource, Instant from, Instant? until, string reason)
    {
        Resource = resource;
        Reason = string.Empty;
        Change(from, until, reason);
    }

    public int Id { get; private set; }
    public int ResourceId { get; private set; }
    public Resource Resource { get; private set; }
    public Instant From { get; private set; }
    public Instant? Until { get; private set; }
    public string Reason { get; private set; }

    internal void Change(Instant from, Instant? until, string reason)
    {
        if (until is { } end && end <= from)
        {
            throw new ArgumentException("An outage must end after it starts.", nameof(until));
        }

        (From, Until, Reason) = (from, until, reason);
    }

    public bool IsCurrent(Instant now) => From <= now && (Until is not { } until || now < until);

    public bool Overlaps(Interval interval) =>
        From < interval.End && (Until is not { } until || interval.Start < until);
}

/// <summary>What became of a request to change an outage.</summary>
public enum OutageChange
{
    Done,
    NotFound,
    /// <summary>It has started: its start stays, and it is ended by putting the machine back in service.</summary>
    AlreadyStarted,
    /// <summary>It is over: it stays as history.</summary>
    AlreadyEnded,
    /// <summary>The end is not after the start, or lies in the past, or a planned start lies in the past.</summary>
    InvalidTimes,
}
