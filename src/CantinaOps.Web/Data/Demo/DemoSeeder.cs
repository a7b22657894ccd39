using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using CantinaOps.Web.Features.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CantinaOps.Web.Data.Demo;

/// <summary>
/// A site like L'Archipel in Villeurbanne, for trying the app: laundry, family kitchen, professional
/// kitchen, ~30 households, 3 partners with recurring blocks, a week of bookings and three accounts.
/// Runs only on an empty database, and only in Development or with --seed-demo.
/// </summary>
public sealed class DemoSeeder(CantinaOpsDb db, UserManager<StaffUser> users, RoleManager<IdentityRole> roles,
    IClock clock, IOptions<ReminderOptions> reminders, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Cantina-demo-2026";

    /// <summary>Every demo family's PIN (demo data only; real PINs are random and shown once).</summary>
    public const string DemoFamilyPin = "123456";

    private static readonly string[] Hotels =
    [
        "Hôtel du Parc (Villeurbanne)", "Hôtel Les Acacias (Vaulx-en-Velin)", "Hôtel Gare Part-Dieu",
        "Résidence Saint-Jean (Villeurbanne)", "Hôtel Bron Centre",
    ];

    private static readonly (string Language, string? Name)[] Families =
    [
        ("fr", "Famille Diallo"), ("ar", "Amina"), ("uk", "Оксана"), ("fa-AF", null), ("ka", "Nino"), ("en", "Grace"),
        ("ar", null), ("uk", null), ("fr", null), ("fa-AF", "Zahra"), ("ar", "Youssef"), ("ka", null),
        ("fr", "Mme Traoré"), ("uk", "Ірина"), ("ar", null), ("en", null), ("fa-AF", null), ("fr", null),
        ("ar", "Fatima"), ("uk", "Наталія"), ("ka", "Giorgi"), ("fr", null), ("ar", null), ("fa-AF", "Ahmad"),
        ("en", "Blessing"), ("fr", "Famille Camara"), ("uk", null), ("ar", "Khadija"), ("fr", null), ("ka", null),
    ];

    /// <summary>A demo family's code, for the start-up banner.</summary>
    public static string? FirstFamilyCode { get; private set; }

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Sites.AnyAsync(cancellationToken))
        {
            FirstFamilyCode = await db.Households.OrderBy(h => h.Id).Select(h => h.Code).FirstOrDefaultAsync(cancellationToken);
            return;
        }

        var now = clock.GetCurrentInstant();
        var random = new Random(2026);
        var site = BuildSite(now);
        reminders.Value.ApplyTo(site);
        db.Sites.Add(site);
        var partners = new[]
        {
            new Partner("Restos du Cœur — centre de Villeurbanne", "villeurbanne@restos-demo.org"),
            new Partner("Épicerie solidaire La Passerelle", "contact@passerelle-demo.org"),
            new Partner("Collectif Repas Partagés", "repas@collectif-demo.org"),
        };
        db.Partners.AddRange(partners);
        var households = Families.Select((f, i) => new Household(
            UniqueCode(random, i), random.Next(1, 8), f.Language, now - Duration.FromDays(7 * HistoryWeeks + 7), f.Name,
            i % 3 == 2 ? null : $"+3367{random.Next(1000000, 9999999)}", Hotels[i % Hotels.Length])).ToList();
        db.Households.AddRange(households);
        await db.SaveChangesAsync(cancellationToken);
        var pinHash = new PasswordHasher<HouseholdAccess>().HashPassword(null!, DemoFamilyPin);
        db.HouseholdAccess.AddRange(households.Select(h => new HouseholdAccess(h.Id, pinHash,
            Infrastructure.SecretHash.Of($"demo-{h.Code}"))));
        await db.SaveChangesAsync(cancellationToken);
        FirstFamilyCode = households[0].Code;

        var pro = site.Spaces.Single(s => s.Kind == SpaceKind.ProfessionalKitchen);
        var today = now.InZone(site.Zone).Date;
        foreach (var partner in partners)
        {
            db.Agreements.Add(new Agreement(partner.Id, today.PlusMonths(-6), today.PlusMonths(6), [pro.Id], $"Convention {today.Year}"));
        }

        db.Checklist.AddRange(new ChecklistItem(site.Id, "Plans de travail nettoyés et désinfectés", 1),
            new ChecklistItem(site.Id, "Température des frigos relevée", 2), new ChecklistItem(site.Id, "Déchets et biodéchets sortis", 3));
        AddBookings(site, partners, households, now, random);
        await db.SaveChangesAsync(cancellationToken);
        await AddHistoryAsync(site, households, now, random, cancellationToken);
        await AddAccountsAsync(partners[0]);
        logger.LogInformation("Demo site seeded");
    }

    private static Site BuildSite(Instant now)
    {
        var site = new Site("L'Archipel — tiers-lieu (démo)", "Europe/Paris");
        site.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.Dryer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.CookingStation, Duration.FromMinutes(120));
        site.SetQuota(SpaceKind.Laundry, 1, 2);
        site.SetQuota(SpaceKind.Laundry, 4, 3);
        site.SetQuota(SpaceKind.Laundry, 7, 4);
        site.SetQuota(SpaceKind.FamilyKitchen, 1, 3);
        site.SetQuota(SpaceKind.FamilyKitchen, 5, 4);

        var laundry = site.AddSpace("Buanderie", SpaceKind.Laundry, Duration.FromMinutes(15), horizonDays: 14);
        var kitchen = site.AddSpace("Cuisine familiale", SpaceKind.FamilyKitchen, Duration.FromMinutes(60), horizonDays: 14);
        var pro = site.AddSpace("Cuisine professionnelle", SpaceKind.ProfessionalKitchen, Duration.FromHours(24), horizonDays: 365);
        foreach (var day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
                     IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday })
        {
            laundry.AddOpeningRange(day, new LocalTime(9, 0), new LocalTime(12, 0));
            laundry.AddOpeningRange(day, new LocalTime(14, 0), new LocalTime(19, 0));
            kitchen.AddOpeningRange(day, new LocalTime(10, 0), new LocalTime(14, 0));
            kitchen.AddOpeningRange(day, new LocalTime(17, 0), new LocalTime(21, 0));
            if (day != IsoDayOfWeek.Saturday)
            {
                pro.AddOpeningRange(day, new LocalTime(7, 0), new LocalTime(19, 0));
            }
        }

        for (var i = 1; i <= 4; i++)
        {
            laundry.AddResource($"Lave-linge {i}", ResourceKind.Washer);
        }

        for (var i = 1; i <= 3; i++)
        {
            laundry.AddResource($"Sèche-linge {i}", ResourceKind.Dryer);
        }

        for (var i = 1; i <= 4; i++)
        {
            kitchen.AddResource($"Poste {i}", ResourceKind.CookingStation);
        }

        pro.AddResource("Cuisine pro", ResourceKind.ProfessionalKitchen);

        var today = now.InZone(site.Zone).Date;
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            foreach (var (date, name) in FrenchPublicHolidays.For(year).Where(h => h.Date >= today && h.Date <= today.PlusYears(1)))
            {
                site.AddClosure(date, date, name);
            }
        }

        return site;
    }

    /// <summary>This week's household bookings (past ones completed or missed) and a few weeks of partner blocks.</summary>
    private void AddBookings(Site site, Partner[] partners, List<Household> households, Instant now, Random random)
    {
        var zone = site.Zone;
        var monday = zone.Today(now).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var weekly = new Dictionary<(int Household, SpaceKind Kind, LocalDate Week), int>();
        var quotas = new QuotaPolicy(site.QuotaTiers);
        foreach (var space in site.Spaces.Where(s => s.Kind != SpaceKind.ProfessionalKitchen))
        {
            var schedule = new SpaceSchedule(space);
            // Six months of history, so the impact dashboard has something to show, then this week.
            var slots = Enumerable.Range(0, HistoryWeeks + 1).Select(w => monday.PlusWeeks(w - HistoryWeeks))
                .SelectMany(week => schedule.Availability(week, 7, []).Select(a => (Week: week, a.Slot)));
            foreach (var slot in slots.Where(_ => random.NextDouble() < 0.45))
            {
                var household = households[random.Next(households.Count)];
                var used = weekly.GetValueOrDefault((household.Id, space.Kind, slot.Week));
                if (used >= quotas.WeeklyLimit(space.Kind, household.Size))
                {
                    // Turned away: demand the bookings do not show (some in the past only).
                    if (slot.Slot.End < now && random.NextDouble() < 0.3)
                    {
                        db.DemandRefusals.Add(new Domain.Impact.DemandRefusal(space.Id, slot.Slot.Start.InZone(zone).Date,
                            Domain.Impact.UnmetReason.QuotaReached, household.Id, slot.Slot.Start - Duration.FromDays(2)));
                    }

                    continue;
                }

                weekly[(household.Id, space.Kind, slot.Week)] = used + 1;
                var madeAt = slot.Slot.Start - Duration.FromDays(2);
                var booking = Booking.ForHousehold(slot.Slot.ResourceId, slot.Slot.Time, 1, household.Id,
                    random.NextDouble() < 0.6 ? BookedBy.Desk : BookedBy.Household, null, Instant.Min(madeAt, now));
                if (slot.Slot.End < now)
                {
                    var roll = random.NextDouble();
                    if (roll < 0.06)
                    {
                        // Cancelled, some of them at the last minute.
                        booking.Cancel(slot.Slot.Start - Duration.FromHours(roll < 0.02 ? 1 : 30), BookedBy.Desk, Duration.Zero);
                    }
                    else if (roll < 0.15)
                    {
                        booking.MarkNoShow(slot.Slot.Start + Duration.FromMinutes(20));
                    }
                    else
                    {
                        booking.CheckIn(slot.Slot.Start, household.Size);
                        booking.Complete(slot.Slot.End);
                    }
                }

                db.Bookings.Add(booking);
            }
        }

        var kitchen = site.Spaces.Single(s => s.Kind == SpaceKind.ProfessionalKitchen).Resources.Single();
        var plan = new (Partner Partner, IsoDayOfWeek Day, LocalTime From, LocalTime To)[]
        {
            (partners[0], IsoDayOfWeek.Tuesday, new LocalTime(7, 30), new LocalTime(13, 0)),
            (partners[0], IsoDayOfWeek.Thursday, new LocalTime(7, 30), new LocalTime(13, 0)),
            (partners[1], IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(18, 0)),
            (partners[1], IsoDayOfWeek.Wednesday, new LocalTime(14, 0), new LocalTime(18, 0)),
            (partners[2], IsoDayOfWeek.Friday, new LocalTime(7, 30), new LocalTime(13, 0)),
        };
        for (var week = -HistoryWeeks; week < 6; week++)
        {
            foreach (var (partner, day, from, to) in plan)
            {
                var date = monday.PlusWeeks(week).With(DateAdjusters.NextOrSame(day));
                if (site.Closures.Any(c => c.Covers(date, kitchen.SpaceId)))
                {
                    continue;
                }

                var block = new Interval(zone.ToInstant(date + from), zone.ToInstant(date + to));
                db.Bookings.Add(Booking.ForPartner(kitchen.Id, block, partner.Id, BookedBy.Coordinator, null,
                    Instant.Min(block.Start - Duration.FromDays(14), now)));
            }
        }
    }

    /// <summary>Weeks of demo history before this one.</summary>
    private const int HistoryWeeks = 26;

    /// <summary>
    /// What the history needs besides bookings: meals declared for the sessions held, waitlist wishes never served,
    /// a washer that broke down twice.
    /// </summary>
    private async Task AddHistoryAsync(Site site, List<Household> households, Instant now, Random random, CancellationToken cancellationToken)
    {
        var held = await db.Bookings.Where(b => b.PartnerId != null && b.Start < now).Select(b => b.Id).ToListAsync(cancellationToken);
        string[] kinds = ["Plats chauds", "Colis repas", "Petits-déjeuners"];
        foreach (var id in held.Where(_ => random.NextDouble() < 0.9))
        {
            var byKind = kinds.Take(random.Next(1, 4)).Select(k => new MealCount(k, random.Next(20, 90))).ToList();
            db.SessionReports.Add(new SessionReport(id, byKind.Sum(k => k.Count), byKind, [], null, now));
        }

        var laundry = site.Spaces.Single(s => s.Kind == SpaceKind.Laundry);
        var today = now.InZone(site.Zone).Date;
        for (var day = today.PlusWeeks(-HistoryWeeks); day < today; day = day.PlusDays(1))
        {
            if (day.DayOfWeek != IsoDayOfWeek.Sunday && random.NextDouble() < 0.35)
            {
                db.Waitlist.Add(new WaitlistEntry(households[random.Next(households.Count)].Id, laundry.Id, day,
                    day.AtStartOfDayInZone(site.Zone).ToInstant() - Duration.FromDays(1)));
            }
        }

        var washer = laundry.Resources.First(r => r.Kind == ResourceKind.Washer);
        foreach (var weeksAgo in new[] { 9, 3 })
        {
            var from = today.PlusWeeks(-weeksAgo).AtStartOfDayInZone(site.Zone).ToInstant() + Duration.FromHours(9);
            washer.MarkOutOfService(from, from + Duration.FromDays(2), "Pompe de vidange en panne");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddAccountsAsync(Partner partner)
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await AddUserAsync("coordinator@demo.cantinaops.org", "Coordinatrice (démo)", Roles.Coordinator, null);
        await AddUserAsync("desk@demo.cantinaops.org", "Accueil (démo)", Roles.Desk, null);
        await AddUserAsync("partner@demo.cantinaops.org", "Restos du Cœur (démo)", Roles.Partner, partner.Id);
        await AddUserAsync("funder@demo.cantinaops.org", "Financeur (démo)", Roles.Funder, null);
    }

    private async Task AddUserAsync(string email, string name, string role, int? partnerId)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PartnerId = partnerId };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
    }

    private static string UniqueCode(Random random, int index)
    {
        // Deterministic demo codes; the index keeps them distinct.
        var code = HouseholdCode.Generate(random.Next);
        return code[..4] + (index % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
