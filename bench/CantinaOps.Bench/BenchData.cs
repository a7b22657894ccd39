using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Bench;

internal sealed record BenchSite(int SiteId, IReadOnlyList<int> ResourceIds, IReadOnlyList<int> WasherIds,
    IReadOnlyList<int> HouseholdIds, int BookingCount, LocalDate Today);

internal static class BenchData
{
    public const string Email = "bench@cantinaops.local";
    public const string Password = "Bench-password-2026";

    /// <summary>
    /// <c>BENCH_POSTGRES</c> (a connection string without a database) runs the benchmark on PostgreSQL: each run
    /// builds a database of its own on that server, and "the database path" is then its connection string.
    /// </summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } v ? v : null;

    /// <summary>A new PostgreSQL database for this run; returns its connection string.</summary>
    public static string CreatePostgres(string name)
    {
        using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ConnectionString))
        {
            admin.Open();
            using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static CantinaOpsDb Open(string databasePath)
    {
        if (PostgresServer is not null)
        {
            var postgres = new DbContextOptionsBuilder<CantinaOps.Web.Data.Postgres.PostgresDb>();
            CantinaOps.Web.Data.Postgres.PostgresDb.Configure(postgres, databasePath);
            return new CantinaOps.Web.Data.Postgres.PostgresDb(postgres.Options);
        }

        var options = new DbContextOptionsBuilder<CantinaOpsDb>();
        Database.Configure(options, $"Data Source={databasePath};Pooling=true");
        return new CantinaOpsDb(options.Options);
    }

    /// <param name="years">Years of history before today (52 weeks each).</param>
    public static async Task<BenchSite> BuildAsync(string databasePath, int years = 1)
    {
        await using var db = Open(databasePath);
        await Database.MigrateAsync(db);
        var site = new Site("Bench site", "Europe/Paris");
        site.SetSlotLength(ResourceKind.Washer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.Dryer, Duration.FromMinutes(60));
        site.SetSlotLength(ResourceKind.CookingStation, Duration.FromMinutes(120));
        var laundry = site.AddSpace("Laundry", SpaceKind.Laundry, Duration.FromMinutes(15), 14);
        var kitchen = site.AddSpace("Family kitchen", SpaceKind.FamilyKitchen, Duration.FromMinutes(60), 14);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            laundry.AddOpeningRange(day, new LocalTime(8, 0), new LocalTime(20, 0));
            kitchen.AddOpeningRange(day, new LocalTime(8, 0), new LocalTime(20, 0));
        }

        var washers = Enumerable.Range(1, 40).Select(i => laundry.AddResource($"Washer {i}", ResourceKind.Washer)).ToList();
        Enumerable.Range(1, 30).ToList().ForEach(i => laundry.AddResource($"Dryer {i}", ResourceKind.Dryer));
        Enumerable.Range(1, 30).ToList().ForEach(i => kitchen.AddResource($"Station {i}", ResourceKind.CookingStation));
        db.Sites.Add(site);

        var now = BenchClock.Now;
        var random = new Random(7);
        var households = Enumerable.Range(0, 5000)
            .Select(i => new Household(HouseholdCode.Generate(random.Next)[..4] + $"{i % 100:00}", 1 + (i % 6), "fr", now))
            .GroupBy(h => h.Code).Select(g => g.First()).ToList();
        db.Households.AddRange(households);
        await db.SaveChangesAsync();
        await AddUserAsync(db);

        // The history: about 72 % of every past slot booked, with the statuses real days leave behind.
        var today = now.InZone(site.Zone).Date;
        var count = 0;
        foreach (var space in site.Spaces)
        {
            var schedule = new SpaceSchedule(space);
            for (var week = 52 * years; week > 0; week--)
            {
                var batch = schedule.Availability(today.PlusWeeks(-week), 7, []).Where(_ => random.NextDouble() < 0.72);
                foreach (var slot in batch)
                {
                    var household = households[random.Next(households.Count)];
                    var booking = Booking.ForHousehold(slot.Slot.ResourceId, slot.Slot.Time, 1,
                        household.Id, BookedBy.Desk, null, slot.Slot.Start - Duration.FromDays(3));
                    var roll = random.NextDouble();
                    if (roll < 0.08)
                    {
                        booking.Cancel(slot.Slot.Start - Duration.FromDays(1), BookedBy.Household, Duration.FromMinutes(30));
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

                    db.Bookings.Add(booking);
                    count++;
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        var resourceIds = await db.Resources.Select(r => r.Id).ToListAsync();
        return new BenchSite(site.Id, resourceIds, washers.Select(w => w.Id).ToList(),
            households.Select(h => h.Id).ToList(), count, today);
    }

    /// <summary>A database built by an earlier run (BENCH_DATABASE=path), to measure again on the same data.</summary>
    public static async Task<BenchSite> OpenExistingAsync(string databasePath)
    {
        await using var db = Open(databasePath);
        var site = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var washers = await db.Resources.Where(r => r.Kind == ResourceKind.Washer).Select(r => r.Id).ToListAsync();
        return new BenchSite(site, await db.Resources.Select(r => r.Id).ToListAsync(), washers, await db.Households.Select(h => h.Id).ToListAsync(),
            await db.Bookings.CountAsync(), BenchClock.Now.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date);
    }

    /// <summary>A copy of a database built earlier (its write-ahead log folded in first), in the run's folder.</summary>
    public static async Task<string> CopyAsync(string databasePath, string folder)
    {
        await using (var db = Open(databasePath))
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Path.Combine(folder, "bench.db");
        File.Copy(databasePath, copy);
        return copy;
    }

    /// <summary>The household a family page run signs in as, with its PIN set (again) to <see cref="FamilyPin"/>.</summary>
    public static async Task<string> EnsureFamilyAsync(string databasePath, int householdId)
    {
        await using var db = Open(databasePath);
        var household = await db.Households.SingleAsync(h => h.Id == householdId);
        var pinHash = new PasswordHasher<HouseholdAccess>().HashPassword(null!, FamilyPin);
        var access = await db.HouseholdAccess.FindAsync(householdId);
        if (access is null)
        {
            db.HouseholdAccess.Add(new HouseholdAccess(householdId, pinHash, SecretHash.Of("bench-family-link")));
        }
        else
        {
            access.ResetPin(pinHash);
        }

        await db.SaveChangesAsync();
        return household.Code;
    }

    public const string FamilyPin = "424242";

    private static async Task AddUserAsync(CantinaOpsDb db)
    {
        var role = new IdentityRole(Roles.Desk) { NormalizedName = Roles.Desk.ToUpperInvariant() };
        var user = new StaffUser
        {
            UserName = Email,
            NormalizedUserName = Email.ToUpperInvariant(),
            Email = Email,
            NormalizedEmail = Email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = "Bench",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        user.PasswordHash = new PasswordHasher<StaffUser>().HashPassword(user, Password);
        db.Roles.Add(role);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }
}

/// <summary>The benchmark's own notion of "now": the real time, read once.</summary>
internal static class BenchClock
{
#pragma warning disable RS0030 // A benchmark harness measures against the real clock.
    public static readonly Instant Now = SystemClock.Instance.GetCurrentInstant();
#pragma warning restore RS0030

    public sealed class Fixed : IClock
    {
        public Instant GetCurrentInstant() => Now;
    }
}
