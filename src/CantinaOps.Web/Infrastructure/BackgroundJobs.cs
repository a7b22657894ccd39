using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Waitlist;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// Hangfire inside the app. With SQLite it keeps its own file next to the app's database (one Hangfire server per
/// file); with PostgreSQL it keeps its tables in the app's database (schema <c>hangfire</c>), so every app server
/// takes its share of the same jobs. Jobs carry no arguments but ids, and
/// each one checks in the database what is already done before acting, so a retry or a second server
/// does no harm.
/// </summary>
public static class BackgroundJobs
{
    public static IServiceCollection AddCantinaOpsJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var jobs = AppOptions.Read<JobsOptions>(configuration, JobsOptions.Section);
        services.AddHttpClient<ISmsSender, BrevoSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<IDispatchFaults, NoDispatchFaults>();
        services.AddSingleton<DispatchSender>();
        services.AddScoped<DispatchPlanner>();
        services.AddScoped<MessageComposer>();
        services.AddScoped<MessagesJob>();
        services.AddScoped<NoShowJob>();
        services.AddScoped<WaitlistJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<WeeklyPlanJob>();

        var database = AppOptions.Read<DatabaseOptions>(configuration, DatabaseOptions.Section);
        var configured = AppOptions.Read<ConnectionStringOptions>(configuration, ConnectionStringOptions.Section).Default;
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(
                    connection => connection.UseNpgsqlConnection(Database.PostgresConnectionString(configured)),
                    PostgresJobStorage());
            }
            else
            {
                var path = Path.IsPathRooted(jobs.StoragePath) ? jobs.StoragePath : Path.Combine(contentRoot, jobs.StoragePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // The 15 s default makes a reminder wait needlessly; 1 s is cheap on a local file.
                hangfire.UseSQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
        if (jobs.Enabled)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        return services;
    }

    /// <summary>
    /// Hangfire's PostgreSQL storage. A job is fetched and kept invisible to the other servers while it runs: the
    /// sliding timeout renews that while the job is alive, where the fixed 30-minute default would hand a long
    /// job (the weekly plans, the retention sweep) to another server to run again.
    /// </summary>
    public static PostgreSqlStorageOptions PostgresJobStorage() => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>Registers the recurring jobs in the site's time zone (an 18:00 job stays at 18:00 across DST).</summary>
    public static async Task ScheduleRecurringJobsAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value.Enabled)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var zoneId = await db.Sites.OrderBy(s => s.Id).Select(s => s.TimeZoneId).FirstOrDefaultAsync() ?? "Europe/Paris";
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId) };
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<MessagesJob>("messages", j => j.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<NoShowJob>("no-shows", j => j.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<WaitlistJob>("waitlist", j => j.RunAsync(CancellationToken.None), "*/5 * * * *", options);
        jobs.AddOrUpdate<RetentionJob>("retention", j => j.RunAsync(CancellationToken.None), Cron.Daily(3), options);
        jobs.AddOrUpdate<WeeklyPlanJob>("weekly-plans", j => j.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Friday, 14), options);
    }

    public const string DashboardPath = "/jobs";

    public static void MapJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new CoordinatorsOnly()],
            DashboardTitle = "CantinaOps — jobs",
            AppPath = "/Coordinator",
        });

    /// <summary>The dashboard shows job history and can trigger jobs: coordinators only (403 for others, 401 when signed out).</summary>
    private sealed class CoordinatorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Coordinator);
    }
}
