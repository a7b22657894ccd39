using System.Net;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Features.Desk;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Desk;

/// <summary>
/// Arrived, cancelled and completed are taken back the same way from the board and the API: the booking is exactly
/// as before (status, slot, place, nothing recorded of the action), the audit says so, a place given away meanwhile
/// or a late undo is refused in plain words; an undone absence does not send its warning.
/// </summary>
public class UndoBoardActionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Way { Page, Api }

    private static string PathOf(DeskAction action) => action switch
    {
        DeskAction.CheckIn => "check-in",
        DeskAction.Complete => "complete",
        DeskAction.NoShow => "no-show",
        DeskAction.UndoCheckIn => "undo-check-in",
        DeskAction.UndoCancel => "undo-cancel",
        DeskAction.UndoComplete => "undo-complete",
        _ => "undo-no-show",
    };

    private async Task<int> BookAsync(int resource, string start, int household)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var response = await api.BookAsync(resource, start, app.Site.Households[household]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private async Task DoAsync(int booking, DeskAction action)
    {
        var api = await app.SignedInAsync(TestSite.Desk);
        var response = action == DeskAction.Cancel
            ? await api.DeleteAsync($"/api/v1/bookings/{booking}")
            : await api.PostAsync($"/api/v1/bookings/{booking}/{PathOf(action)}", null);
        Assert.True(response.IsSuccessStatusCode, $"{action} answered {response.StatusCode}");
    }

    /// <returns>The status code of the undo and, for the page, the board shown next.</returns>
    private async Task<(HttpStatusCode Status, string? Board)> UndoAsync(Way way, int booking, DeskAction undo)
    {
        if (way == Way.Api)
        {
            var api = await app.SignedInAsync(TestSite.Desk);
            return ((await api.PostAsync($"/api/v1/bookings/{booking}/{PathOf(undo)}", null)).StatusCode, null);
        }

        var desk = await app.SignedInBrowserAsync(TestSite.Desk);
        var response = await desk.SubmitAsync("/Desk", new Dictionary<string, string> { ["bookingId"] = $"{booking}", ["action"] = $"{undo}" });
        return (response.StatusCode, WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk")));
    }

    private Task<Booking> BookingAsync(int id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    private Task<List<string>> AuditAsync(int id) =>
        app.WithDbAsync(db => db.Audit.Where(a => a.Subject == $"booking {id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Theory]
    [InlineData(Way.Page, DeskAction.CheckIn, 0)]
    [InlineData(Way.Api, DeskAction.CheckIn, 1)]
    [InlineData(Way.Page, DeskAction.Cancel, 2)]
    [InlineData(Way.Api, DeskAction.Cancel, 3)]
    [InlineData(Way.Page, DeskAction.Complete, 4)]
    [InlineData(Way.Api, DeskAction.Complete, 5)]
    public async Task A_board_action_taken_back_leaves_the_booking_exactly_as_it_was(Way way, DeskAction action, int index)
    {
        var id = await BookAsync(index % 2 == 0 ? app.Site.Washer1 : app.Site.Washer2, $"2026-11-30T{(index < 4 ? 10 + index / 2 : 15)}:00", index);
        if (action == DeskAction.Complete)
        {
            await DoAsync(id, DeskAction.CheckIn);
        }

        var before = await BookingAsync(id);
        await DoAsync(id, action);
        var undo = IndexModel.UndoOf((await BookingAsync(id)).Status)!.Value;

        var (status, board) = await UndoAsync(way, id, undo);

        Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.OK, status);
        var after = await BookingAsync(id);
        Assert.Equal((before.Status, before.ResourceId, before.Start, before.HeldFrom, before.Seat),
            (after.Status, after.ResourceId, after.Start, after.HeldFrom, after.Seat));
        Assert.Equal((before.CheckedInAt, before.PeopleServed, before.CompletedAt, before.CancelledAt, before.CancelledBy),
            (after.CheckedInAt, after.PeopleServed, after.CompletedAt, after.CancelledAt, after.CancelledBy));
        var audit = await AuditAsync(id);
        Assert.Equal(action switch
        {
            DeskAction.CheckIn => "booking.undo-checkin",
            DeskAction.Cancel => "booking.undo-cancel",
            _ => "booking.undo-complete",
        }, audit[^1]);
        if (board is not null)
        {
            Assert.Contains(action switch
            {
                DeskAction.CheckIn => "Arrivée annulée : la réservation attend de nouveau la famille",
                DeskAction.Cancel => "Réservation rétablie, au même créneau et à la même place.",
                _ => "« Terminé » annulé : la séance est de nouveau en cours.",
            }, board, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_board_offers_the_undo_at_the_top_and_on_the_row_of_a_cancelled_booking()
    {
        var id = await BookAsync(app.Site.Washer1, "2026-11-30T14:00", 20);
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == app.Site.Households[20]).Select(h => h.Code).SingleAsync());
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await desk.SubmitAsync("/Desk", new Dictionary<string, string>
            { ["bookingId"] = $"{id}", ["action"] = "Cancel", ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));

        Assert.Contains($"↶ Rétablir la réservation — {code}", board, StringComparison.Ordinal);
        Assert.Contains($"value=\"{id}\" /><button class=\"button small secondary\" name=\"action\" value=\"UndoCancel\">", board, StringComparison.Ordinal);

        // Once the undo window is over, the cancelled booking leaves the board with its offer.
        app.Clock.Reset(AppFactory.Now + Booking.UndoWindow + Duration.FromMinutes(1));
        try
        {
            Assert.DoesNotContain("UndoCancel", await desk.GetStringAsync("/Desk"), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task A_cancellation_whose_place_was_given_away_is_not_undone_and_the_desk_is_told_why(Way way, int index)
    {
        var start = $"2026-11-30T1{index}:00";
        var id = await BookAsync(app.Site.Dryer, start, 30 + index);
        await DoAsync(id, DeskAction.Cancel);
        await BookAsync(app.Site.Dryer, start, 35 + index); // a walk-in takes the freed place

        var (status, board) = await UndoAsync(way, id, DeskAction.UndoCancel);

        Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.Conflict, status);
        if (board is not null)
        {
            Assert.Contains("Impossible de rétablir la réservation : sa place a été donnée à quelqu'un d'autre entre-temps.", board,
                StringComparison.Ordinal);
        }

        var still = await BookingAsync(id);
        Assert.Equal((BookingStatus.Cancelled, (Instant?)null), (still.Status, still.HeldFrom));
        Assert.DoesNotContain("booking.undo-cancel", await AuditAsync(id));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task A_cancellation_is_not_undone_once_the_family_has_filled_its_week_since(Way way, int index)
    {
        var household = 42 + 6 * index; // one person: 2 laundry bookings a week
        var id = await BookAsync(app.Site.Washer1, $"2026-12-0{1 + index}T10:00", household);
        await BookAsync(app.Site.Washer1, $"2026-12-0{1 + index}T11:00", household);
        await DoAsync(id, DeskAction.Cancel);
        await BookAsync(app.Site.Washer2, $"2026-12-0{1 + index}T15:00", household); // the freed booking of the week, used again

        var (status, board) = await UndoAsync(way, id, DeskAction.UndoCancel);

        Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.UnprocessableEntity, status);
        if (board is not null)
        {
            Assert.Contains("Cette réservation ne peut pas revenir : depuis l'annulation, la famille a réservé 2 de ses 2 créneaux de la semaine.",
                board, StringComparison.Ordinal);
        }

        Assert.Equal(BookingStatus.Cancelled, (await BookingAsync(id)).Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.HouseholdId == app.Site.Households[household]
            && b.Status != BookingStatus.Cancelled)));
        Assert.DoesNotContain("booking.undo-cancel", await AuditAsync(id));
    }

    [Theory]
    [InlineData(Way.Page, 0)]
    [InlineData(Way.Api, 1)]
    public async Task An_arrival_is_taken_back_only_within_the_undo_window(Way way, int index)
    {
        var id = await BookAsync(app.Site.Washer2, $"2026-11-30T1{6 + index}:00", 40 + index);
        await DoAsync(id, DeskAction.CheckIn);
        app.Clock.Reset(AppFactory.Now + Booking.UndoWindow + Duration.FromSeconds(1));
        try
        {
            var (status, board) = await UndoAsync(way, id, DeskAction.UndoCheckIn);

            Assert.Equal(way == Way.Page ? HttpStatusCode.Redirect : HttpStatusCode.UnprocessableEntity, status);
            if (board is not null)
            {
                Assert.Contains("Trop tard pour revenir en arrière : c'est possible pendant 15 minutes", board, StringComparison.Ordinal);
            }
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }

        Assert.Equal(BookingStatus.CheckedIn, (await BookingAsync(id)).Status);
    }

    [Fact]
    public async Task An_undone_absence_does_not_send_its_warning()
    {
        var id = await BookAsync(app.Site.Washer1, "2026-11-30T09:00", 50);
        app.Clock.Reset(Instant.FromUtc(2026, 11, 30, 8, 20)); // 09:20 in Paris: the slot has started
        try
        {
            await DoAsync(id, DeskAction.NoShow);
            Assert.Equal(1, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == id && n.Kind == NoticeKind.NoShowWarning)));
            await RunMessagesAsync();
            var planned = await app.WithDbAsync(db => db.Set<Dispatch>().AsNoTracking().SingleAsync(d => d.BookingId == id && d.Topic == "notice-NoShowWarning"));
            Assert.Equal(DispatchStatus.ToTellInPerson, planned.Status); // no phone: on the desk's list to tell in person

            var (status, _) = await UndoAsync(Way.Api, id, DeskAction.UndoNoShow);
            await RunMessagesAsync();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(0, await app.WithDbAsync(db => db.Notices.CountAsync(n => n.BookingId == id)));
            Assert.Equal(DispatchStatus.Obsolete,
                await app.WithDbAsync(db => db.Set<Dispatch>().Where(d => d.Id == planned.Id).Select(d => d.Status).SingleAsync()));
            var desk = await app.SignedInBrowserAsync(TestSite.Desk);
            var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == app.Site.Households[50]).Select(h => h.Code).SingleAsync());
            var board = WebUtility.HtmlDecode(await desk.GetStringAsync("/Desk"));
            Assert.DoesNotContain($"name=\"dispatchId\" value=\"{planned.Id}\"", board, StringComparison.Ordinal);
            Assert.Contains(code, board, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Reset(AppFactory.Now);
        }
    }

    private async Task RunMessagesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessagesJob>().RunAsync(CancellationToken.None);
    }
}
