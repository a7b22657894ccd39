using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CantinaOps.Web.Data.Postgres;

/// <summary>
/// The app's database on PostgreSQL: the same model as <see cref="CantinaOpsDb"/>, with its own migrations
/// (in <c>Data/Postgres/Migrations</c>, which also create the exclusion constraint EF Core cannot model) and
/// NodaTime values in PostgreSQL's own types (timestamptz, date, time, interval) through the Npgsql NodaTime
/// plugin, so the database reads and compares them natively.
/// </summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : CantinaOpsDb(options)
{
    /// <summary>
    /// The transaction-scoped advisory lock every booking writer of every server takes (see
    /// <see cref="Database.BeginBookingWriteAsync"/>); a fixed number, "Cantina" in ASCII.
    /// </summary>
    public const long BookingWritesLock = 0x43616E74696E61;

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
                .UseNodaTime()
                .MigrationsAssembly(typeof(PostgresDb).Assembly.FullName))
            .AddInterceptors(new NulFreeText());

    /// <summary>No converters: the NodaTime plugin maps Instant, LocalDate, LocalTime and Duration itself.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresDb</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgresDb>
{
    public PostgresDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresDb>();
        PostgresDb.Configure(options, "Host=127.0.0.1;Database=cantinaops_design");
        return new PostgresDb(options.Options);
    }
}
