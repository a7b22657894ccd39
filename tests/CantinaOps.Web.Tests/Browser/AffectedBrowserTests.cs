using System.Net;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AffectedBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task The_coordinator_shortens_a_day_s_hours_and_moves_the_ten_bookings_it_leaves_out_in_one_click()
    {
        Skip.If(BrowserApp.ChromiumMissing, $"Chromium is not installed at {BrowserApp.ChromiumPath} (CI installs it).");
        var desk = await app.SignedInAsync(TestSite.Desk);
        var afternoon = new[] { "14:00", "15:00", "16:00", "17:00" };
        var made = new List<(int Resource, string At)>();
        made.AddRange(afternoon.Select(t => (app.Site.Washer1, t)));
        made.AddRange(afternoon.Select(t => (app.Site.Washer2, t)));
        made.AddRange(afternoon.Take(2).Select(t => (app.Site.Dryer, t)));
        var ids = new List<int>();
        foreach (var (booking, i) in made.Select((m, i) => (m, i)))
        {
            var response = await desk.BookAsync(booking.Resource, $"2026-12-09T{booking.At}", app.Site.Households[220 + i]);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("id").GetInt32());
        }

        var laundry = await app.WithDbAsync(db => db.Resources.Where(r => r.Id == app.Site.Washer1).Select(r => r.SpaceId).SingleAsync());
        var page = await app.NewPageAsync(1280, 900);
        await BrowserApp.SignInAsync(page, TestSite.Coordinator);
        await page.GotoAsync("/Coordinator/Spaces");
        await page.Locator($"#h-{laundry}-Wednesday").FillAsync("00:00-06:00, 09:00-12:00");
        await page.Locator($"form.form:has(#h-{laundry}-Wednesday) button.button").ClickAsync();
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("10");
        await page.Locator("section:has(#preview) button.warn").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Coordinator/Affected", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".arrival")).ToHaveCountAsync(10);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Tout déplacer au plus proche" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("10 réservation(s) déplacée(s)");
        await Assertions.Expect(page.Locator(".arrival")).ToHaveCountAsync(0);
        var starts = await app.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.ResourceId, b.Start, b.Status }).ToListAsync());
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        Assert.All(starts, b => Assert.False(b.Start.InZone(paris).Date == new LocalDate(2026, 12, 9) && b.Start.InZone(paris).Hour >= 12));
        Assert.Equal(10, starts.Select(b => (b.ResourceId, b.Start)).Distinct().Count());
        Assert.Equal(10, await app.WithDbAsync(db => db.Notices.CountAsync(n => ids.Contains(n.BookingId))));
    }
}
