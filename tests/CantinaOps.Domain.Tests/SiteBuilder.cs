using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;

namespace CantinaOps.Domain.Tests;

/// <summary>A small site in Europe/Paris: a laundry (2 washers, 1 dryer), a family kitchen, the pro kitchen.</summary>
internal sealed class SiteBuilder
{
    private readonly List<Action<Site>> _steps = [];
    private int _laundryOpensAtNight;

    public SiteBuilder WithClosure(LocalDate first, LocalDate last, string reason = "Holiday")
    {
        _steps.Add(site => site.AddClosure(first, last, reason));
        return this;
    }

    /// <summary>Opens the laundry 00:00-06:00 every day too, to exercise the DST hours.</summary>
    public SiteBuilder WithNightLaundry()
    {
        _laundryOpensAtNight = 1;
        return this;
    }

    public SiteBuilder WithSlotLength(ResourceKind kind, int minutes)
    {
        _steps.Add(site => site.SetSlotLength(kind, Duration.FromMinutes(minutes)));
        return this;
    }

    public SiteBuilder WithQuota(SpaceKind kind, int fromSize, int perWeek)
    {
        _steps.Add(site => site.SetQuota(kind, fromSize, perWeek));
        return this;
    }

    public Site Build()
    {
        var site = new Site("Test site", "Europe/Paris");
        site.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.Dryer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.CookingStation, Duration.FromMinutes(120));

        var laundry = site.AddSpace("Laundry", SpaceKind.Laundry, Duration.FromMinutes(30), horizonDays: 14);
        var kitchen = site.AddSpace("Family kitchen", SpaceKind.FamilyKitchen, Duration.FromMinutes(60), horizonDays: 14);
        var pro = site.AddSpace("Pro kitchen", SpaceKind.ProfessionalKitchen, Duration.FromHours(24), horizonDays: 365);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            if (_laundryOpensAtNight == 1)
            {
                laundry.AddOpeningRange(day, new LocalTime(0, 0), new LocalTime(6, 0));
            }

            laundry.AddOpeningRange(day, new LocalTime(9, 0), new LocalTime(12, 0));
            laundry.AddOpeningRange(day, new LocalTime(14, 0), new LocalTime(18, 0));
            if (day == IsoDayOfWeek.Sunday)
            {
                laundry.AddOpeningRange(day, new LocalTime(20, 0), LocalTime.Midnight);
            }

            kitchen.AddOpeningRange(day, new LocalTime(10, 0), new LocalTime(20, 0));
            pro.AddOpeningRange(day, new LocalTime(7, 30), new LocalTime(18, 0));
        }

        Assign(laundry.AddResource("Washer 1", ResourceKind.Washer), 1);
        Assign(laundry.AddResource("Washer 2", ResourceKind.Washer), 2);
        Assign(laundry.AddResource("Dryer 1", ResourceKind.Dryer), 3);
        Assign(kitchen.AddResource("Station 1", ResourceKind.CookingStation), 4);
        Assign(kitchen.AddResource("Table", ResourceKind.CookingStation, capacity: 2), 5);
        Assign(pro.AddResource("Pro kitchen", ResourceKind.ProfessionalKitchen), 6);
        Assign(laundry, 1);
        Assign(kitchen, 2);
        Assign(pro, 3);
        foreach (var step in _steps)
        {
            step(site);
        }

        return site;
    }

    /// <summary>A household's week holding <paramref name="count"/> washes (on Monday 30 November 2026, one after another).</summary>
    public static IReadOnlyCollection<CantinaOps.Domain.Scheduling.QuotaUse> Washes(int count) =>
        Enumerable.Range(0, count).Select(i => new CantinaOps.Domain.Scheduling.QuotaUse(ResourceKind.Washer,
            new Interval(Instant.FromUtc(2026, 11, 30, 7 + i, 0), Instant.FromUtc(2026, 11, 30, 8 + i, 0)))).ToList();

    public static Household Household(int size = 3, bool active = true)
    {
        var household = new Household("K7M-42", size, "fr", Instant.FromUtc(2026, 1, 1, 0, 0));
        if (!active)
        {
            household.Deactivate();
        }

        return household;
    }

    // Entities get their ids from the database; the domain compares them, so tests set them.
    private static void Assign(object entity, int id) =>
        entity.GetType().GetProperty("Id")!.SetValue(entity, id);
}

internal static class SiteExtensions
{
    public static Space Space(this Site site, SpaceKind kind) => site.Spaces.Single(s => s.Kind == kind);

    public static Resource Resource(this Site site, string name) =>
        site.Spaces.SelectMany(s => s.Resources).Single(r => r.Name == name);
}
