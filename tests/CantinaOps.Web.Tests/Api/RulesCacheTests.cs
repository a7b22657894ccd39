using System.Net;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Api;

public class RulesCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_machine_put_out_of_service_is_refused_once_the_rules_are_invalidated_or_have_expired()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.Created, (await desk.BookAsync(app.Site.Washer1, "2026-12-07T09:00", app.Site.Households[50])).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var washer = await db.Resources.Include(r => r.Outages).SingleAsync(r => r.Id == app.Site.Washer1);
            washer.MarkOutOfService(AppFactory.Now, null, "Leak");
            await db.SaveChangesAsync();
        });

        // Written behind the app's back: this server still has the old rules for a while...
        app.Clock.AdvanceSeconds(31);
        var afterExpiry = await desk.BookAsync(app.Site.Washer1, "2026-12-07T10:00", app.Site.Households[51]);
        Assert.Equal("resource-out-of-service", (await afterExpiry.JsonAsync()).GetProperty("rule").GetString());

        await app.WithDbAsync(async db =>
        {
            var washer = await db.Resources.Include(r => r.Outages).SingleAsync(r => r.Id == app.Site.Washer1);
            db.RemoveRange(washer.Outages);
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();
        var afterInvalidate = await desk.BookAsync(app.Site.Washer1, "2026-12-07T11:00", app.Site.Households[52]);
        Assert.Equal(HttpStatusCode.Created, afterInvalidate.StatusCode);
    }
}
