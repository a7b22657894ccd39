using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>
/// Which engine the suite runs on. By default SQLite (a file per test app). With
/// <c>CANTINAOPS_TEST_POSTGRES</c> set to a PostgreSQL connection string without a database (as CI does in its
/// second pass), every test app gets a database of its own on that server, copied from a template migrated once.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "CANTINAOPS_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string (no database), or null when the suite runs on SQLite.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The reason a test written for one engine does not run in this pass.</summary>
    public const string OnlyOnPostgres =
        $"Runs on PostgreSQL only: set {Variable} (e.g. \"Host=127.0.0.1;Username=cantinaops;Password=cantinaops\"); CI's PostgreSQL pass does.";

    public const string OnlyOnSqlite = "Checks SQLite's file itself: runs in the SQLite pass.";

    /// <summary>A new empty-but-migrated database; returns its connection string.</summary>
    public static string CreatePostgres()
    {
        var name = $"cantinaops_t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(Server("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"";
            command.ExecuteNonQuery();
        }

        return Server(name);
    }

    public static void DropPostgres(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            using var connection = new NpgsqlConnection(Server("postgres"));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
            // Cleaning up only: a database left behind (the server busy with another drop) harms no other test.
        }
    }

    /// <summary>A connection string to one database of the test server, with a small pool: dozens of apps run at once.</summary>
    public static string Server(string database) => new NpgsqlConnectionStringBuilder(PostgresServer)
    {
        Database = database,
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        // Many test apps share one server; a busy moment must not fail a test.
        Timeout = 60,
    }.ConnectionString;

    /// <summary>
    /// The template every test database is copied from: migrated once per build of the app (its name carries the
    /// build's id), so the suite does not run the migrations a hundred times. Older templates are dropped.
    /// </summary>
    private static string CreateTemplate()
    {
        var build = typeof(PostgresDb).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var name = $"cantinaops_tpl_{build}";
        using var admin = new NpgsqlConnection(Server("postgres"));
        admin.Open();
        using (var exists = admin.CreateCommand())
        {
            exists.CommandText = $"SELECT 1 FROM pg_database WHERE datname = '{name}'";
            if (exists.ExecuteScalar() is not null)
            {
                return name;
            }
        }

        Execute(admin, $"CREATE DATABASE \"{name}\"");
        var options = new DbContextOptionsBuilder<PostgresDb>();
        PostgresDb.Configure(options, Server(name));
        using (var db = new PostgresDb(options.Options))
        {
            Database.MigrateAsync(db).GetAwaiter().GetResult();
        }

        // Hangfire's tables too: each app would otherwise create them at its start.
        using (var template = new NpgsqlConnection(Server(name)))
        {
            template.Open();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(template, CantinaOps.Web.Infrastructure.BackgroundJobs.PostgresJobStorage().SchemaName);
            NpgsqlConnection.ClearPool(template);
        }

        // A copy needs the template free of every session.
        Execute(admin, $"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        Execute(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");

        using (var old = admin.CreateCommand())
        {
            old.CommandText = $"SELECT datname FROM pg_database WHERE datname LIKE 'cantinaops_tpl_%' AND datname <> '{name}'";
            using var reader = old.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            reader.Close();
            foreach (var stale in names)
            {
                Execute(admin, $"DROP DATABASE IF EXISTS \"{stale}\" WITH (FORCE)");
            }
        }

        return name;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
