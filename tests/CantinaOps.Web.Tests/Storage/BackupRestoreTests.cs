using System.Diagnostics;
using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Postgres;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CantinaOps.Web.Tests.Storage;

/// <summary>
/// The backups docs/deployment.md prescribes, taken while the app runs and restored as written there: every
/// booking comes back as it was (and the keys with them: they live in the database).
/// </summary>
public class BackupRestoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task BookSomeAsync()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(System.Net.HttpStatusCode.Created,
                (await desk.BookAsync(app.Site.Washer1, $"2026-12-0{1 + i % 5}T{9 + i / 5:00}:00", app.Site.Households[230 + i])).StatusCode);
        }

        var partner = await app.SignedInAsync(TestSite.PartnerAUser);
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await partner.BookBlockAsync(app.Site.ProKitchen, "2026-12-15T08:00", "2026-12-15T12:00", app.Site.PartnerA)).StatusCode);
    }

    private static async Task<List<string>> BookingsAsync(CantinaOpsDb db) =>
        (await db.Bookings.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.ResourceId, b.Start, b.End, b.Seat, b.Status, b.HouseholdId, b.PartnerId, b.HeldFrom }).ToListAsync())
        .Select(b => b.ToString()!).ToList();

    [SkippableFact]
    public async Task A_sqlite_backup_taken_with_vacuum_into_while_the_app_runs_restores_every_booking()
    {
        Skip.If(TestDatabase.IsPostgres, TestDatabase.OnlyOnSqlite);
        await BookSomeAsync();
        var backup = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "backup", "cantinaops.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", backup);
            await command.ExecuteNonQueryAsync();
        }

        // Restored: the file copied into place of a new install, which the app opens and migrates as at any start.
        var restored = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "restored", "cantinaops.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        var options = new DbContextOptionsBuilder<CantinaOpsDb>();
        Database.Configure(options, $"Data Source={restored}");
        await using var db = new CantinaOpsDb(options.Options);
        await Database.MigrateAsync(db);

        var original = await app.WithDbAsync(BookingsAsync);
        Assert.True(original.Count >= 7);
        Assert.Equal(original, await BookingsAsync(db));
        Assert.Equal(await app.WithDbAsync(d => d.DataProtectionKeys.CountAsync()), await db.DataProtectionKeys.CountAsync());
        SqliteConnection.ClearAllPools();
    }

    [SkippableFact]
    public async Task A_postgres_dump_restored_with_pg_restore_gives_every_booking_back()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        Skip.If(Tool("pg_dump") is null, "pg_dump is not installed (Debian's postgresql-client has it).");
        await BookSomeAsync();
        var source = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var dump = Path.Combine(Path.GetTempPath(), $"cantinaops-{Guid.NewGuid():N}.dump");
        var target = $"cantinaops_t_{Guid.NewGuid():N}";
        try
        {
            await RunAsync(Tool("pg_dump")!, source, "--format=custom", $"--file={dump}", source.Database!);
            await using (var admin = new NpgsqlConnection(TestDatabase.Server("postgres")))
            {
                await admin.OpenAsync();
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{target}\"";
                await create.ExecuteNonQueryAsync();
            }

            await RunAsync(Tool("pg_restore")!, source, "--no-owner", $"--dbname={target}", dump);

            var options = new DbContextOptionsBuilder<PostgresDb>();
            PostgresDb.Configure(options, TestDatabase.Server(target));
            await using var db = new PostgresDb(options.Options);
            // The restored database is up to date: the app would start on it without migrating.
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var original = await app.WithDbAsync(BookingsAsync);
            Assert.True(original.Count >= 7);
            Assert.Equal(original, await BookingsAsync(db));
            Assert.Equal(await app.WithDbAsync(d => d.DataProtectionKeys.CountAsync()), await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            File.Delete(dump);
            TestDatabase.DropPostgres(TestDatabase.Server(target));
        }
    }

    private static string? Tool(string name) =>
        new[] { "/usr/bin" }.Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")) : [])
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, [$"--host={server.Host}", $"--port={server.Port}", $"--username={server.Username}", .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["PGPASSWORD"] = server.Password ?? "" },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} failed: {await errors}");
    }
}
