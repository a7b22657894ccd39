using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime.Testing;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database — a SQLite file in a temporary folder, or a PostgreSQL database of its own
/// in the PostgreSQL pass (see <see cref="TestDatabase"/>) — with a fake clock set to
/// Monday 30 November 2026, 08:00 in Paris, and the test site of <see cref="TestSite"/>.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 7, 0);

    // Dozens of test hosts run side by side: none watches its configuration files, so they do not use up the
    // machine's inotify instances (128 per user on Debian), which failed unrelated requests with a 500.
    static AppFactory() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    /// <summary>The app's configured public address: every absolute link starts with it, whatever the request's host.</summary>
    public const string PublicUrl = "https://cantinaops.test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cantinaops-tests", Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = new(Now);

    public string DatabasePath => Path.Combine(_folder, "cantinaops.db");

    /// <summary>The app's connection string: the SQLite file, or this app's own PostgreSQL database.</summary>
    public string ConnectionString { get; private set; } = "";

    public TestSite Site { get; private set; } = null!;

    /// <summary>False keeps the production rate limits (or those a subclass sets).</summary>
    protected virtual bool GenerousRateLimits => true;

    protected virtual int AccessTokenMinutes => 60 * 24 * 60;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        if (TestDatabase.IsPostgres)
        {
            // Once per app: the host builder may run this more than once.
            if (ConnectionString.Length == 0)
            {
                ConnectionString = TestDatabase.CreatePostgres();
            }

            builder.UseSetting("Database:Provider", "Postgres");
        }
        else
        {
            ConnectionString = $"Data Source={DatabasePath}";
        }

        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("App:PublicUrl", PublicUrl);
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(_folder, "keys"));
        // Tests move the clock by days; bearer tokens follow the app's clock, so they live long here.
        // (SessionTests uses the production lifetime.)
        builder.UseSetting("Security:AccessTokenMinutes", $"{AccessTokenMinutes}");
        builder.UseSetting("Security:RefreshTokenHours", "1440");
        if (GenerousRateLimits)
        {
            // Tests sign the same accounts in many times from one address; the limits have tests of their own.
            foreach (var purpose in Enum.GetNames<CantinaOps.Web.Features.Account.Purpose>())
            {
                builder.UseSetting($"Security:RateLimits:{purpose}:PerAddress", "1000000");
                builder.UseSetting($"Security:RateLimits:{purpose}:PerAccount", "1000000");
            }
        }

        // Jobs run when a test calls them (or starts its own Hangfire servers), not on a timer.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Jobs:StoragePath", Path.Combine(_folder, "hangfire.db"));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }

    public virtual async Task InitializeAsync()
    {
        StartServer(); // starts the host: migrations run
        await using var scope = Services.CreateAsyncScope();
        Site = await TestSite.SeedAsync(scope.ServiceProvider);
    }

    public async Task WithDbAsync(Func<CantinaOpsDb, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CantinaOpsDb>());
    }

    /// <summary>Runs something with the app's own services in a scope of its own (a use case, a user manager).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<CantinaOpsDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CantinaOpsDb>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.DropPostgres(ConnectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left in the temp folder; it does not affect other tests.
        }
    }
}
