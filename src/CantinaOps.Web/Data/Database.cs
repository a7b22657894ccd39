using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CantinaOps.Web.Data;

/// <summary>
/// Everything that depends on the database engine lives here: the connection, its settings, how a
/// constraint violation is recognised, and how booking writes are serialised. SQLite (one server, a file)
/// is the default; PostgreSQL serves a network of sites or several app servers.
/// </summary>
public static class Database
{
    public const string DefaultConnectionString = "Data Source=data/cantinaops.db";

    public static IServiceCollection AddCantinaOpsDatabase(this IServiceCollection services, IConfiguration configuration,
        string contentRoot)
    {
        var settings = Infrastructure.AppOptions.Read<DatabaseOptions>(configuration, DatabaseOptions.Section);
        var configured = Infrastructure.AppOptions.Read<ConnectionStringOptions>(configuration, ConnectionStringOptions.Section).Default;
        // Interceptors registered by the features (e.g. the impact figures' change marks) join every context.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = PostgresConnectionString(configured);
            services.AddDbContextPool<CantinaOpsDb, Postgres.PostgresDb>((provider, options) =>
            {
                Postgres.PostgresDb.Configure(options, connectionString);
                options.AddInterceptors(provider.GetServices<IInterceptor>());
            });
        }
        else
        {
            var connectionString = SqliteConnectionString(configured, contentRoot);
            services.AddDbContextPool<CantinaOpsDb>((provider, options) =>
            {
                Configure(options, connectionString, settings.Synchronous);
                options.AddInterceptors(provider.GetServices<IInterceptor>());
            });
        }

        services.AddSingleton<BookingWriteLock>();
        return services;
    }

    /// <summary>The SQLite context's options.</summary>
    /// <param name="synchronous">
    /// NORMAL (default): in WAL mode a commit survives an app crash, and the file can never be corrupted,
    /// but the last commits may roll back if the machine loses power; FULL also survives that, at about
    /// a quarter less booking throughput (see docs/benchmarks.md).
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, string synchronous = "NORMAL")
    {
        if (synchronous is not ("NORMAL" or "FULL"))
        {
            throw new ArgumentException("Database:Synchronous is NORMAL or FULL.", nameof(synchronous));
        }

        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(CantinaOpsDb).Assembly.FullName))
            .AddInterceptors(new SqlitePragmas($"PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous={synchronous};"));
    }

    /// <summary>Relative file paths are taken from the app's content root, and the folder is created.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>The PostgreSQL connection string, refused clearly when it is still SQLite's default file.</summary>
    public static string PostgresConnectionString(string connectionString)
    {
        if (connectionString == DefaultConnectionString)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres: set ConnectionStrings:Default to the PostgreSQL database " +
                "(e.g. \"Host=127.0.0.1;Database=cantinaops;Username=cantinaops;Password=...\").");
        }

        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"ConnectionStrings:Default is not a PostgreSQL connection string: {exception.Message}", exception);
        }
    }

    /// <summary>Applies pending migrations (and on SQLite switches the file to write-ahead logging).</summary>
    public static async Task MigrateAsync(CantinaOpsDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (availability, boards) run while a booking is being written.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // Two servers starting together are safe: EF Core takes the engine's migration lock first.
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Opens the transaction in which a booking is checked and written, so that no other writer can decide
    /// on the same slots, quota or capacity between the check and the write.
    /// <list type="bullet">
    /// <item>SQLite: Microsoft.Data.Sqlite begins it with BEGIN IMMEDIATE, which takes the database's write
    /// lock at once: two requests for the same slot cannot both read "free" and then both insert.</item>
    /// <item>PostgreSQL: READ COMMITTED guards nothing of that kind, so the transaction first takes one
    /// transaction-scoped advisory lock that every booking writer of every server takes: the decisions
    /// are serialised exactly as on SQLite, and the lock goes with the commit or rollback. The exclusion
    /// constraint on bookings still refuses an overlap whatever path wrote it.</item>
    /// </list>
    /// Writers of this process first queue on an async gate: a database lock makes waiters sleep and
    /// poll (SQLite) or hold a connection each (PostgreSQL), which is what made latency climb under load.
    /// </summary>
    public static async Task<BookingWrite> BeginBookingWriteAsync(CantinaOpsDb db, BookingWriteLock gate,
        CancellationToken cancellationToken)
    {
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            // One insert per transaction: EF's automatic savepoint around SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Postgres.PostgresDb.BookingWritesLock})", cancellationToken);
            }

            return new BookingWrite(gate, transaction);
        }
        catch
        {
            gate.Semaphore.Release();
            throw;
        }
    }

    /// <summary>A unique index refused the row (SQLite and PostgreSQL alike).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// The database refused a booking because its slot is held: the unique index on (resource, slot start,
    /// place) on both engines, or PostgreSQL's exclusion constraint on overlapping times.
    /// </summary>
    public static bool IsSlotConflict(DbUpdateException exception) =>
        IsUniqueViolation(exception)
        || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ExclusionViolation };

    private sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>One per app: the queue in which this process's booking writes wait their turn.</summary>
public sealed class BookingWriteLock : IDisposable
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}

/// <summary>A booking transaction and its place in the write queue; disposing releases both.</summary>
public sealed class BookingWrite(BookingWriteLock gate, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<CantinaOpsDb>
{
    public CantinaOpsDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CantinaOpsDb>();
        Database.Configure(options, "Data Source=design-time.db");
        return new CantinaOpsDb(options.Options);
    }
}

/// <summary>The database engine (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file, one app server: the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several app servers share.</summary>
    Postgres,
}

/// <summary><c>Database:*</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite's <c>synchronous</c> in WAL mode (see <see cref="Database.Configure"/>).</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(NORMAL|FULL)$")]
    public string Synchronous { get; set; } = "NORMAL";
}

/// <summary><c>ConnectionStrings:*</c>.</summary>
public sealed class ConnectionStringOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>The SQLite file (a relative path is taken from the app's folder), or the PostgreSQL connection string.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string Default { get; set; } = Database.DefaultConnectionString;
}
