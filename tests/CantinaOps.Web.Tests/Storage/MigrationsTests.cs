using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CantinaOps.Web.Tests.Storage;

/// <summary>
/// Each engine has its own migrations; both must follow the one model. These build each engine's model without a
/// server, so they run on every machine: a change to an entity or a configuration without a migration for each
/// engine (<c>dotnet ef migrations add Name --context CantinaOpsDb --output-dir Data/Migrations</c>, and
/// <c>--context PostgresDb --output-dir Data/Postgres/Migrations</c>) fails here.
/// </summary>
public class MigrationsTests
{
    private static CantinaOpsDb Sqlite()
    {
        var options = new DbContextOptionsBuilder<CantinaOpsDb>();
        Database.Configure(options, "Data Source=unused.db");
        return new CantinaOpsDb(options.Options);
    }

    private static PostgresDb Postgres()
    {
        var options = new DbContextOptionsBuilder<PostgresDb>();
        PostgresDb.Configure(options, "Host=127.0.0.1;Database=unused");
        return new PostgresDb(options.Options);
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration.");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = Postgres();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration.");
    }

    [Fact]
    public void Each_engine_finds_only_its_own_migrations_and_both_create_every_table()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();
        var sqliteIds = sqlite.Database.GetMigrations().ToList();
        var postgresIds = postgres.Database.GetMigrations().ToList();

        Assert.Contains(sqliteIds, id => id.EndsWith("_ImpactFacts", StringComparison.Ordinal));
        Assert.DoesNotContain(postgresIds, id => id.EndsWith("_ImpactFacts", StringComparison.Ordinal));
        Assert.Empty(sqliteIds.Intersect(postgresIds));
        // The same tables on both: the models differ only in column types.
        Assert.Equal(Tables(sqlite), Tables(postgres));
    }

    [Fact]
    public void The_postgres_migrations_create_the_exclusion_constraint_on_overlapping_bookings()
    {
        using var db = Postgres();
        var assembly = db.GetService<IMigrationsAssembly>();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var sql = string.Join("\n", assembly.Migrations.Values
            .Select(type => assembly.CreateMigration(type, db.Database.ProviderName!))
            .SelectMany(migration => generator.Generate(migration.UpOperations, db.Model))
            .Select(command => command.CommandText));

        Assert.Contains("CREATE EXTENSION IF NOT EXISTS btree_gist", sql, StringComparison.Ordinal);
        Assert.Contains("""EXCLUDE USING gist ("ResourceId" WITH =, "Seat" WITH =, tstzrange("Start", "End") WITH &&)""", sql, StringComparison.Ordinal);
    }

    private static List<string> Tables(DbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
