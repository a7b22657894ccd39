using System.Net;
using System.Net.Http.Json;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Tests.Infrastructure;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Bookings;

/// <summary>A partner moves its block by its page or by the API: one use case, the same outcome and audit entry.</summary>
public class PartnerMoveTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { Page, Api }

    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private Task<Booking> BookingAsync(int id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    private Task<List<string>> AuditAsync(int booking) =>
        app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {booking}").OrderBy(a => a.Id).Select(a => a.Detail + "|" + a.Action).ToListAsync());

    private static async Task<HttpStatusCode> MoveAsync(AppFactory app, Way way, int block, string from, string to)
    {
        if (way == Way.Api)
        {
            var api = await app.SignedInAsync(TestSite.PartnerAUser);
            return (await api.PostAsJsonAsync($"/api/v1/bookings/{block}/move", new { start = from, end = to })).StatusCode;
        }

        var partner = await app.SignedInBrowserAsync(TestSite.PartnerAUser);
        return (await partner.SubmitAsync($"/Partner/Move?id={block}", new Dictionary<string, string> { ["From"] = from, ["To"] = to })).StatusCode;
    }

    [Theory]
    [InlineData(Way.Page, 2)]
    [InlineData(Way.Api, 3)]
    public async Task Moving_an_upcoming_block_gives_the_same_times_and_audit_entry_by_page_and_API(Way way, int day)
    {
        var partnerApi = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partnerApi.BookBlockAsync(app.Site.ProKitchen, $"2026-12-0{day}T08:00", $"2026-12-0{day}T12:00", app.Site.PartnerA);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var block = (await created.JsonAsync()).GetProperty("id").GetInt32();

        Assert.Equal(way == Way.Api ? HttpStatusCode.OK : HttpStatusCode.Redirect, await MoveAsync(app, way, block, "13:00", "17:00"));

        var moved = await BookingAsync(block);
        Assert.Equal(new LocalDateTime(2026, 12, day, 13, 0), moved.Start.InZone(Paris).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 12, day, 17, 0), moved.End.InZone(Paris).LocalDateTime);
        var entry = Assert.Single(await AuditAsync(block), a => a.EndsWith("|booking.move", StringComparison.Ordinal));
        Assert.Contains("13:00:00-17:00:00, 1 occurrence(s) by Partner", entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Way.Page)]
    [InlineData(Way.Api)]
    public async Task A_partner_moves_no_session_that_has_started(Way way)
    {
        // 07:00–11:00 today (07:15 by the API), started before "now" (08:00 in Lyon).
        var start = Paris.AtStrictly(new LocalDateTime(2026, 11, 30, 7, way == Way.Api ? 15 : 0)).ToInstant();
        var session = await app.WithDbAsync(async db =>
        {
            // No notice in this kitchen, so only "it has started" can refuse the move.
            var kitchen = await db.Spaces.SingleAsync(s => s.Resources.Any(r => r.Id == app.Site.ProKitchen));
            kitchen.Configure(kitchen.Name, Duration.Zero, kitchen.HorizonDays, kitchen.RequiresApproval);
            // The other case's session of this morning is cancelled first (as of the day before): one kitchen holds
            // one session at a time, which PostgreSQL's exclusion constraint enforces even on rows written here.
            foreach (var other in await db.Bookings.Where(b => b.ResourceId == app.Site.ProKitchen && b.HeldFrom != null
                         && b.Start < start + Duration.FromHours(4) && b.End > start).ToListAsync())
            {
                Assert.Null(other.Cancel(other.Start - Duration.FromDays(1), BookedBy.Coordinator, Duration.Zero, "test"));
            }

            var booking = Booking.ForPartner(app.Site.ProKitchen, new Interval(start, start + Duration.FromHours(4)), app.Site.PartnerA,
                BookedBy.Partner, null, AppFactory.Now - Duration.FromDays(30));
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });
        app.Services.GetRequiredService<ScheduleCache>().Invalidate();

        var status = await MoveAsync(app, way, session, way == Way.Api ? "14:00" : "15:00", way == Way.Api ? "18:00" : "19:00");

        Assert.Equal(way == Way.Api ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK, status);
        Assert.Equal(start, (await BookingAsync(session)).Start);
        Assert.Empty(await AuditAsync(session));
    }

    [Fact]
    public async Task Another_association_s_block_is_not_found_and_bad_times_are_a_400()
    {
        var partnerApi = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partnerApi.BookBlockAsync(app.Site.ProKitchen, "2026-12-07T08:00", "2026-12-07T10:00", app.Site.PartnerA);
        var block = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var other = await app.SignedInAsync(TestSite.PartnerBUser);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/bookings/{block}/move", new { start = "13:00", end = "15:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerApi.PostAsJsonAsync("/api/v1/bookings/999999/move", new { start = "13:00", end = "15:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partnerApi.PostAsJsonAsync($"/api/v1/bookings/{block}/move", new { start = "25:00", end = "15:00" })).StatusCode);
        Assert.Equal(new LocalDateTime(2026, 12, 7, 8, 0), (await BookingAsync(block)).Start.InZone(Paris).LocalDateTime);
    }

    [Fact]
    public async Task Cancelling_this_and_all_following_through_the_API_ends_the_series_as_the_page_does()
    {
        var partnerApi = await app.SignedInAsync(TestSite.PartnerAUser);
        var created = await partnerApi.PostAsJsonAsync("/api/v1/series", new
        {
            resourceId = app.Site.ProKitchen, days = new[] { "tuesday" }, start = "14:00", end = "16:00", from = "2027-01-05", to = "2027-01-26",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var series = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var occurrences = await app.WithDbAsync(db => db.Bookings.Where(b => b.SeriesId == series).OrderBy(b => b.Start).Select(b => b.Id).ToListAsync());
        Assert.Equal(4, occurrences.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await partnerApi.DeleteAsync($"/api/v1/bookings/{occurrences[2]}?following=true")).StatusCode);

        var statuses = await app.WithDbAsync(db => db.Bookings.Where(b => b.SeriesId == series).OrderBy(b => b.Start).Select(b => b.Status).ToListAsync());
        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Cancelled, BookingStatus.Cancelled], statuses);
        Assert.Equal(["series.cancel-following"], await app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {occurrences[2]}").Select(a => a.Action).ToListAsync()));
    }
}
