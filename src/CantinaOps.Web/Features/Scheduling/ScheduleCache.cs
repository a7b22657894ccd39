using System.Collections.Concurrent;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Scheduling;

/// <summary>A resource with the schedule of its space and the rules of its site.</summary>
public sealed record ResourceRules(ScheduleCache.SiteRules Site, Resource Resource, SpaceSchedule Schedule);

/// <summary>
/// The booking rules of each site (spaces, hours, closures, resources, outages, slot lengths, quotas),
/// loaded once and kept for a short time. Every booking and availability request needs them and they
/// change a few times a week, so loading them per request was most of a booking's cost.
/// Code that changes a rule calls <see cref="Invalidate"/> so this server sees it at once; the time
/// limit bounds how long another server can take to see it.
/// </summary>
public sealed class ScheduleCache(IClock clock, Microsoft.Extensions.Options.IOptions<SchedulingOptions> options)
{
    private readonly ConcurrentDictionary<int, SiteRules> _sites = new();
    private readonly Duration _maxAge = Duration.FromSeconds(options.Value.RulesCacheSeconds);

    /// <summary>One site's spaces, read-only and shared between requests.</summary>
    public sealed class SiteRules(int siteId, IReadOnlyList<Space> spaces, Instant loadedAt)
    {
        private readonly Dictionary<int, SpaceSchedule> _schedules = spaces.ToDictionary(s => s.Id, s => new SpaceSchedule(s));
        private readonly Dictionary<int, Resource> _resources = spaces.SelectMany(s => s.Resources).ToDictionary(r => r.Id);

        public int SiteId { get; } = siteId;
        public Instant LoadedAt { get; } = loadedAt;

        /// <summary>The spaces in use: what families, the desk, partners and the API are offered. Retired ones are left out.</summary>
        public IReadOnlyList<Space> Spaces { get; } = spaces.Where(s => s.IsActive).ToList();

        /// <summary>Every space, retired ones included: for what bookings made there earlier are named and counted by.</summary>
        public IReadOnlyList<Space> AllSpaces { get; } = spaces;

        /// <summary>The site's own rules (quota tiers, closures, its name); null only for a site without any space.</summary>
        public Site? Site { get; } = spaces.Count > 0 ? spaces[0].Site : null;

        public DateTimeZone Zone { get; } = spaces.Count > 0 ? spaces[0].Site.Zone : DateTimeZone.Utc;

        public SpaceSchedule Schedule(int spaceId) => _schedules[spaceId];

        public (Resource Resource, SpaceSchedule Schedule)? Resource(int resourceId) =>
            _resources.TryGetValue(resourceId, out var resource) ? (resource, _schedules[resource.SpaceId]) : null;

        /// <summary>Ids of the resources in spaces of one kind (quotas count across them).</summary>
        public IReadOnlySet<int> ResourcesOfKind(SpaceKind kind) =>
            Spaces.Where(s => s.Kind == kind).SelectMany(s => s.Resources).Select(r => r.Id).ToHashSet();
    }

    private int? _defaultSiteId;

    /// <summary>The site a deployment serves (the first one), remembered so requests do not ask each time.</summary>
    public async Task<int> DefaultSiteIdAsync(CantinaOpsDb db, CancellationToken cancellationToken) =>
        _defaultSiteId ??= await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);

    /// <summary>The rules of the site a deployment serves.</summary>
    public async Task<SiteRules> DefaultAsync(CantinaOpsDb db, CancellationToken cancellationToken) =>
        await GetAsync(db, await DefaultSiteIdAsync(db, cancellationToken), cancellationToken);

    public async Task<SiteRules> GetAsync(CantinaOpsDb db, int siteId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_sites.TryGetValue(siteId, out var cached) && now - cached.LoadedAt < _maxAge && now >= cached.LoadedAt)
        {
            return cached;
        }

        var spaces = await db.SpacesWithRules(now).AsNoTrackingWithIdentityResolution()
            .Where(s => s.SiteId == siteId).ToListAsync(cancellationToken);
        var rules = new SiteRules(siteId, spaces, now);
        _sites[siteId] = rules;
        return rules;
    }

    /// <summary>The rules of the site that holds a resource; null when no such resource exists.</summary>
    public async Task<ResourceRules?> ForResourceAsync(CantinaOpsDb db, int resourceId, CancellationToken cancellationToken)
    {
        foreach (var site in _sites.Values)
        {
            if (site.Resource(resourceId) is { } hit && clock.GetCurrentInstant() - site.LoadedAt < _maxAge)
            {
                return new ResourceRules(site, hit.Resource, hit.Schedule);
            }
        }

        var siteId = await db.Resources.Where(r => r.Id == resourceId).Select(r => (int?)r.Space.SiteId)
            .SingleOrDefaultAsync(cancellationToken);
        if (siteId is null)
        {
            return null;
        }

        var rules = await GetAsync(db, siteId.Value, cancellationToken);
        return rules.Resource(resourceId) is { } found ? new ResourceRules(rules, found.Resource, found.Schedule) : null;
    }

    public void Invalidate()
    {
        _sites.Clear();
        _defaultSiteId = null;
    }
}
