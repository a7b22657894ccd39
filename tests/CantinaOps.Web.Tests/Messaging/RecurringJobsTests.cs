using CantinaOps.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Messaging;

[Collection(HangfireCollection.Name)]
public class RecurringJobsTests(RecurringJobsTests.JobsApp app) : IClassFixture<RecurringJobsTests.JobsApp>
{
    /// <summary>The app with its Hangfire server on, as in production.</summary>
    public sealed class JobsApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:Enabled", "true");
            builder.UseSetting("Jobs:WorkerCount", "1");
        }
    }

    private RecurringJobDto Job(string id)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Single(j => j.Id == id);
    }

    [Fact]
    public void Recurring_jobs_are_registered_in_the_site_s_time_zone()
    {
        Assert.Equal("Europe/Paris", Job("weekly-plans").TimeZoneId);
        Assert.Equal("0 14 * * 5", Job("weekly-plans").Cron);
        Assert.Equal("0 3 * * *", Job("retention").Cron);
        Assert.Equal("Europe/Paris", Job("messages").TimeZoneId);
    }

    [Theory]
    [InlineData("2026-03-26T12:00:00Z", "2026-03-27T13:00:00Z")] // Friday before the spring change: 14:00 CET
    [InlineData("2026-03-28T12:00:00Z", "2026-04-03T12:00:00Z")] // after it: 14:00 CEST
    [InlineData("2026-10-22T12:00:00Z", "2026-10-23T12:00:00Z")] // before the autumn change: 14:00 CEST
    [InlineData("2026-10-24T12:00:00Z", "2026-10-30T13:00:00Z")] // after it: 14:00 CET
    public void The_friday_plans_run_at_14_00_paris_time_on_both_sides_of_each_change(string after, string expected)
    {
        var job = Job("weekly-plans");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(job.TimeZoneId);

        var next = global::Cronos.CronExpression.Parse(job.Cron).GetNextOccurrence(DateTime.Parse(after, null, System.Globalization.DateTimeStyles.AdjustToUniversal), zone);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
    }
}
