using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>
/// The site every integration test starts from. Laundry open 09:00-12:00 and 14:00-18:00 Monday to
/// Saturday (and 00:00-06:00 every night, to reach the DST hours), 30 minutes' notice, 14 days ahead,
/// 2 cycles a week (3 from 5 people); the pro kitchen 07:00-19:00 except Saturdays; Christmas closed.
/// </summary>
public sealed record TestSite(int SiteId, int Washer1, int Washer2, int Dryer, int ProKitchen, int PartnerA, int PartnerB,
    IReadOnlyList<int> Households, int InactiveHousehold)
{
    public const string Password = "Test-password-2026";
    public const string Desk = "desk@test.cantinaops.org";
    public const string Coordinator = "coordinator@test.cantinaops.org";
    public const string PartnerAUser = "partner-a@test.cantinaops.org";
    public const string PartnerBUser = "partner-b@test.cantinaops.org";
    public const string Funder = "funder@test.cantinaops.org";

    public static async Task<TestSite> SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CantinaOpsDb>();
        var site = new Site("Test site", "Europe/Paris");
        site.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.Dryer, Duration.FromMinutes(60));
        site.SetQuota(SpaceKind.Laundry, 1, 2);
        site.SetQuota(SpaceKind.Laundry, 5, 3);
        var laundry = site.AddSpace("Laundry", SpaceKind.Laundry, Duration.FromMinutes(30), 14);
        var pro = site.AddSpace("Pro kitchen", SpaceKind.ProfessionalKitchen, Duration.FromHours(24), 365);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            laundry.AddOpeningRange(day, new LocalTime(0, 0), new LocalTime(6, 0));
            if (day != IsoDayOfWeek.Sunday)
            {
                laundry.AddOpeningRange(day, new LocalTime(9, 0), new LocalTime(12, 0));
                laundry.AddOpeningRange(day, new LocalTime(14, 0), new LocalTime(18, 0));
            }

            if (day is not IsoDayOfWeek.Saturday)
            {
                pro.AddOpeningRange(day, new LocalTime(7, 0), new LocalTime(19, 0));
            }
        }

        var washer1 = laundry.AddResource("Washer 1", ResourceKind.Washer);
        var washer2 = laundry.AddResource("Washer 2", ResourceKind.Washer);
        var dryer = laundry.AddResource("Dryer 1", ResourceKind.Dryer);
        var kitchen = pro.AddResource("Pro kitchen", ResourceKind.ProfessionalKitchen);
        site.AddClosure(new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 25), "Noël");
        db.Sites.Add(site);

        var partnerA = new CantinaOps.Domain.Partners.Partner("Restos Test", null);
        var partnerB = new CantinaOps.Domain.Partners.Partner("Épicerie Test", null);
        db.Partners.AddRange(partnerA, partnerB);

        // 250 households so that concurrent tests can each use a different one.
        var households = Enumerable.Range(0, 250)
            .Select(i => new Household($"{Prefix(i / 100)}-{i % 100:00}",
                1 + (i % 6), "fr", AppFactory.Now))
            .ToList();
        var inactive = new Household("QQQ-99", 2, "ar", AppFactory.Now);
        inactive.Deactivate();
        db.Households.AddRange(households);
        db.Households.Add(inactive);
        await db.SaveChangesAsync();
        foreach (var partner in new[] { partnerA, partnerB })
        {
            db.Agreements.Add(new Agreement(partner.Id, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31), [pro.Id]));
        }

        await db.SaveChangesAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await AddUser(services, Desk, Roles.Desk, null);
        await AddUser(services, Coordinator, Roles.Coordinator, null);
        await AddUser(services, PartnerAUser, Roles.Partner, partnerA.Id);
        await AddUser(services, PartnerBUser, Roles.Partner, partnerB.Id);
        await AddUser(services, Funder, Roles.Funder, null);

        return new TestSite(site.Id, washer1.Id, washer2.Id, dryer.Id, kitchen.Id, partnerA.Id, partnerB.Id,
            households.Select(h => h.Id).ToList(), inactive.Id);
    }

    private static string Prefix(int hundred) => hundred switch { 0 => "TAA", 1 => "TBB", _ => "TCC" };

    private static async Task AddUser(IServiceProvider services, string email, string role, int? partnerId)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, PartnerId = partnerId };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
    }
}
