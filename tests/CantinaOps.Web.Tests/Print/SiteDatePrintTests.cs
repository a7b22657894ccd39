using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Print;

/// <summary>Printed pages without a date show the site's day: just after midnight in Paris, UTC is still on the day before.</summary>
public class SiteDatePrintTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_weekly_plan_and_the_family_slip_printed_at_00_30_on_Monday_in_Paris_show_the_new_week()
    {
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
        app.Clock.Reset(Instant.FromUtc(2026, 12, 6, 23, 30)); // Monday 7 December, 00:30 in Paris
        try
        {
            var plan = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Print/Week?space={laundry}"));
            Assert.Contains("week=2026-12-07", plan, StringComparison.Ordinal);
            Assert.Contains("7 décembre 2026", plan, StringComparison.Ordinal);

            var slip = WebUtility.HtmlDecode(await desk.GetStringAsync($"/Print/Family?household={app.Site.Households[170]}"));
            Assert.Contains("week=2026-12-07", slip, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Fact]
    public async Task The_partner_s_schedule_printed_at_00_30_on_New_Year_s_Day_in_Paris_shows_January()
    {
        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        app.Clock.Reset(Instant.FromUtc(2026, 12, 31, 23, 30)); // 1 January 2027, 00:30 in Paris
        try
        {
            var schedule = WebUtility.HtmlDecode(await partner.GetStringAsync("/Partner/Schedule"));
            Assert.Contains("month=2027-01", schedule, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }
}
