using System.Net;
using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Demo;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Tests.Messaging;

/// <summary>The demo site seeded by the app itself, with reminder timing set in configuration.</summary>
public sealed class ConfiguredRemindersApp : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Reminders:EveningAt", "19:30");
        builder.UseSetting("Messaging:Reminders:HoursBefore", "3");
        builder.UseSetting("Messaging:Reminders:PartnerDaysBefore", "4");
    }

    public override async Task InitializeAsync()
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}

public class ReminderConfigurationTests(ConfiguredRemindersApp app) : IClassFixture<ConfiguredRemindersApp>
{
    [Fact]
    public async Task Configuration_gives_a_new_site_its_reminder_timing_then_the_coordinator_s_rules_page_decides()
    {
        var seeded = await app.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());
        Assert.Equal((new LocalTime(19, 30), 3, 4), (seeded.ReminderEveningAt, seeded.ReminderHoursBefore, seeded.ReminderPartnerDaysBefore));

        var coordinator = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "coordinator@demo.cantinaops.org",
            ["Input.Password"] = DemoSeeder.DemoPassword,
        })).StatusCode);
        Assert.Contains("value=\"19:30\"", await coordinator.GetStringAsync("/Coordinator/Rules"), StringComparison.Ordinal);

        await coordinator.SubmitAsync("/Coordinator/Rules", new Dictionary<string, string>
        {
            ["eveningAt"] = "18:45", ["hoursBefore"] = "2", ["partnerDaysBefore"] = "2",
        }, "/Coordinator/Rules?handler=Reminders");

        // The configuration still says 19:30; the coordinator's choice stands, on the page and in the job's settings.
        Assert.Equal("19:30", app.Services.GetRequiredService<IOptions<CantinaOps.Web.Features.Messaging.ReminderOptions>>().Value.EveningAt);
        Assert.Contains("value=\"18:45\"", await coordinator.GetStringAsync("/Coordinator/Rules"), StringComparison.Ordinal);
        var site = await app.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync());
        Assert.Equal(new LocalTime(18, 45), CantinaOps.Web.Features.Messaging.ReminderOptions.Of(site).EveningAt);
    }
}
