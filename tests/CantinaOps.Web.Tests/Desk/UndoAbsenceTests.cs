using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// An absence marked by mistake (or a family that came late) is undone from the board or the API alike: the
/// booking is back on its slot and place, the strike it counted is gone with the pause it caused, the audit
/// says who undid it, and the no-show job does not release it again. A place given away meanwhile is refused.
/// </summary>
public class UndoAbsenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { Page, Api }

    private Task<int> StoredAsync(Func<Booking> make) => app.WithDbAsync(async db =>
    {
        var booking = make();
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    });

    private Task<Booking> BookingAsync(int id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    /// <returns>The status code of the undo and, for the page, the message the board shows next.</returns>
    private async Task<(HttpStatusCode Status, string? Message)> UndoAsync(Way way, int booking)
    {
        if (way == Way.Api)
        {
            var api = await app.SignedInAsync(TestSite.Desk);
            return ((await api.PostAsync($"/api/v1/bookings/{booking}/undo-no-show", null)).StatusCode, null);
        }

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var response = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{booking}", ["action"] = "UndoNoShow" });
        return (response.StatusCode, WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk")));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task Undoing_an_absence_gives_the_booking_back_with_its_place_and_takes_back_its_strike(Way way, int index)
    {
        var household = app.Site.Households[180 + index];
        var start = AppFactory.Now - Duration.FromMinutes(20 - index);
        var earlier = await StoredAsync(() => Booking.ForHousehold(app.Site.Washer2, new Interval(start - Duration.FromDays(3), start - Duration.FromDays(3) + Duration.FromHours(1)),
            1, household, BookedBy.Desk, null, start - Duration.FromDays(4)));
        await app.WithDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == earlier)).MarkNoShow(start - Duration.FromDays(3) + Duration.FromMinutes(30));
            await db.SaveChangesAsync();
        });
        var today = await StoredAsync(() => Booking.ForHousehold(index == 0 ? app.Site.Washer1 : app.Site.Dryer, new Interval(start, start + Duration.FromHours(1)),
            1, household, BookedBy.Desk, null, start - Duration.FromDays(1)));
        var api = await app.SignedInAsync(TestSite.Desk);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/bookings/{today}/no-show", null)).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.SelfBookingPausedUntil).SingleAsync()));

        var (status, message) = await UndoAsync(way, today);

        Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.OK, status);
        if (message is not null)
        {
            Assert.Contains("Absence annulée : la réservation est rétablie", message, StringComparison.Ordinal);
        }

        var back = await BookingAsync(today);
        Assert.Equal(BookingStatus.Confirmed, back.Status);
        Assert.Equal(back.Start, back.HeldFrom);
        Assert.Equal(1, back.Seat);
        Assert.Null(await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.SelfBookingPausedUntil).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == household && b.Status == BookingStatus.NoShow)));
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {today}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["booking.noshow", "booking.undo-noshow"], audit);
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Code).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Action == "household.self-booking-resumed" && a.Subject == code)));

        // The family came late: the no-show job, a minute later, leaves it alone.
        app.Clock.Reset(AppFactory.Now + Duration.FromMinutes(5));
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NoShowJob>().RunAsync(CancellationToken.None);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(today)).Status);
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task An_absence_whose_place_went_to_a_walk_in_is_not_undone_and_the_desk_is_told_why(Way way, int index)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var start = $"2026-11-30T1{index}:00";
        var absent = (await (await api.BookAsync(app.Site.Washer2, start, app.Site.Households[190 + index])).JsonAsync()).GetProperty("id").GetInt32();
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 9 + index, 5)); // five minutes into the slot
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/bookings/{absent}/no-show", null)).StatusCode);
            // The walk-in rule: the desk still gives the started slot's free place.
            Assert.Equal(HttpStatusCode.Created, (await api.BookAsync(app.Site.Washer2, start, app.Site.Households[195 + index])).StatusCode);

            var (status, message) = await UndoAsync(way, absent);

            Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.Conflict, status);
            if (message is not null)
            {
                Assert.Contains("sa place a été donnée à quelqu'un d'autre entre-temps", message, StringComparison.Ordinal);
            }
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        var still = await BookingAsync(absent);
        Assert.Equal(BookingStatus.NoShow, still.Status);
        Assert.Null(still.HeldFrom);
    }

    [Fact]
    public async Task An_absence_is_undone_only_while_its_slot_lasts()
    {
        var start = AppFactory.Now - Duration.FromHours(3);
        var over = await StoredAsync(() => Booking.ForHousehold(app.Site.Washer1, new Interval(start, start + Duration.FromHours(1)),
            1, app.Site.Households[198], BookedBy.Desk, null, start - Duration.FromDays(1)));
        await app.WithDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == over)).MarkNoShow(start + Duration.FromMinutes(30));
            await db.SaveChangesAsync();
        });

        var (status, _) = await UndoAsync(Way.Api, over);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(BookingStatus.NoShow, (await BookingAsync(over)).Status);
    }
}
