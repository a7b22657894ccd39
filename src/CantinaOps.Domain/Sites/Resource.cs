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

    public void Retire() => IsActive = false;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
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
        if (until is { } end && end <= from)
        {
            throw new ArgumentException("An outage must end after it starts.", nameof(until));
        }

        Resource = resource;
        From = from;
        Until = until;
        Reason = reason;
    }

    public int Id { get; private set; }
    public int ResourceId { get; private set; }
    public Resource Resource { get; private set; }
    public Instant From { get; private set; }
    public Instant? Until { get; private set; }
    public string Reason { get; private set; }

    /// <summary>The machine is repaired: the outage ends now (or stays as it was if it already ended).</summary>
    public void EndAt(Instant when)
    {
        if (Until is null || Until > when)
        {
            Until = Instant.Max(when, From + Duration.FromSeconds(1));
        }
    }

    public bool IsCurrent(Instant now) => From <= now && (Until is not { } until || now < until);

    public bool Overlaps(Interval interval) =>
        From < interval.End && (Until is not { } until || interval.Start < until);
}
