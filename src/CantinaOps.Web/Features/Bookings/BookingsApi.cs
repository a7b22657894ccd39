using System.ComponentModel.DataAnnotations;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Bookings;

public static class BookingsApi
{
    /// <summary>
    /// A household slot: resourceId, start, householdId, and for a coordinator booking beyond the weekly quota the reason
    /// for the exception. A partner block: resourceId, start, end, partnerId.
    /// </summary>
    public sealed record CreateBookingRequest([property: Required] int? ResourceId, [property: Required] string? Start, string? End, int? HouseholdId,
        int? PartnerId, [property: MaxLength(QuotaException.MaxReasonLength)] string? QuotaExceptionReason = null);

    public sealed record BookingResponse(int Id, int ResourceId, string Start, string End, string Status,
        int? HouseholdId, int? PartnerId);

    public static void MapBookingsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/bookings", CreateAsync)
            .WithSummary("Books a household slot or a partner block.")
            .WithDescription("Start and end are the site's local date-times (2026-12-01T09:00), with an optional offset for a " +
                "repeated time. 409 when the slot is taken; 422 with `rule` when a booking rule is broken " +
                "(closed, outside-opening-hours, not-a-slot-start, nonexistent-local-time, too-late, too-far-ahead, " +
                "quota-reached, resource-out-of-service, household-inactive, invalid-block). A coordinator may book a household " +
                "beyond its weekly quota with `quotaExceptionReason` (at most 300 characters, audited); the desk and partners may not (403).")
            .Produces<BookingResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/bookings/{id:int}", GetAsync)
            .WithSummary("Reads one booking.")
            .Produces<BookingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/bookings/{id:int}", CancelAsync)
            .WithSummary("Cancels a booking; its slot is free again.")
            .WithDescription("The same rule as on the pages: a partner until the start of its block, the desk until the start, " +
                "a coordinator at any time but, once a session has started or taken place, only with `reason` (correcting the record). " +
                "`following=true` on a partner's block also cancels every later occurrence of its series. " +
                "422 `too-late` or `reason-required` otherwise.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        foreach (var (path, action) in new[] { ("check-in", Desk.DeskAction.CheckIn), ("no-show", Desk.DeskAction.NoShow), ("complete", Desk.DeskAction.Complete),
                     ("undo-no-show", Desk.DeskAction.UndoNoShow), ("undo-check-in", Desk.DeskAction.UndoCheckIn),
                     ("undo-cancel", Desk.DeskAction.UndoCancel), ("undo-complete", Desk.DeskAction.UndoComplete) })
        {
            api.MapPost($"/bookings/{{id:int}}/{path}", (int id, HttpContext http, Desk.BookingActions actions, CantinaOpsDb db, CancellationToken ct) =>
                    ApplyAsync(id, action, http, actions, db, ct))
                .WithSummary($"The desk's \"{path}\" on a booking, as on the today board (desk and coordinators).")
                .WithDescription(path.StartsWith("undo-", StringComparison.Ordinal)
                    ? "Restores the booking exactly as it was (slot, place, strike). An absence is undone until its slot ends; an " +
                      "arrival, a completion or a cancellation within 15 minutes (and a cancellation before the slot ends). " +
                      "409 `slot-taken` when its place was given away meanwhile, 422 `too-late` after that, 409 `invalid-status-change` " +
                      "when the booking is not in the state the undo takes back."
                    : "409 `invalid-status-change` when the booking is not in a state this applies to.")
                .Produces<BookingResponse>()
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<IResult> ApplyAsync(int id, Desk.DeskAction action, HttpContext http, Desk.BookingActions actions,
        CantinaOpsDb db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (!user.IsStaff)
        {
            return ApiProblems.Forbidden("Only the desk and coordinators check people in or mark absences.");
        }

        var (found, refusal) = await actions.ApplyAsync(id, action, new Actor(user.BookedAs, user.UserId), cancellationToken);
        if (!found)
        {
            return ApiProblems.NotFound($"Booking {id}");
        }

        return refusal is not null
            ? ApiProblems.From(refusal)
            : await FindVisibleAsync(id, user, db, tracked: false, cancellationToken) is { } f
                ? TypedResults.Ok(ToResponse(f.Booking, f.Zone))
                : ApiProblems.NotFound($"Booking {id}");
    }

    private static async Task<IResult> CreateAsync(CreateBookingRequest request, HttpContext http, CantinaOpsDb db,
        ScheduleCache rules, BookingService bookings, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (request.ResourceId is not { } resourceId)
        {
            return ApiProblems.Invalid("resourceId", "resourceId is required.");
        }

        if ((request.HouseholdId is null) == (request.PartnerId is null))
        {
            return ApiProblems.Invalid("householdId", "Give either householdId (a household slot) or partnerId (a partner block).");
        }

        if (SiteDateTimeText.Parse(request.Start) is not { } start)
        {
            return ApiProblems.Invalid("start", "start is a local date-time like 2026-12-01T09:00 (optionally with +01:00).");
        }

        var end = SiteDateTimeText.Parse(request.End);
        if (request.PartnerId is not null && end is null)
        {
            return ApiProblems.Invalid("end", "end is required for a partner block, like 2026-12-01T13:00.");
        }

        if (await rules.ForResourceAsync(db, resourceId, cancellationToken) is not { } target)
        {
            return ApiProblems.NotFound($"Resource {resourceId}");
        }

        if (!user.IsStaff)
        {
            if (user.PartnerId is null || request.PartnerId != user.PartnerId)
            {
                return ApiProblems.Forbidden("A partner user books only for its own association.");
            }

            if (!target.Resource.Kind.IsBookedInBlocks())
            {
                return ApiProblems.Forbidden("Partner users book the professional kitchen only.");
            }
        }

        var zone = target.Schedule.Zone;
        var startAt = zone.Resolve(start.Local, start.Offset);
        if (!startAt.IsSuccess)
        {
            return ApiProblems.From(startAt.Refusal!);
        }

        var exception = QuotaException.For(request.QuotaExceptionReason);
        if (!string.IsNullOrWhiteSpace(request.QuotaExceptionReason))
        {
            if (request.HouseholdId is null || exception is null)
            {
                return ApiProblems.Invalid("quotaExceptionReason", request.HouseholdId is null
                    ? "An exception to the quota is for a household's slot, not a partner's block."
                    : $"quotaExceptionReason is at most {QuotaException.MaxReasonLength} characters.");
            }

            if (!QuotaException.MayGrant(user.BookedAs))
            {
                return ApiProblems.Forbidden("Only a coordinator may book beyond a household's weekly quota.");
            }
        }

        var actor = new Actor(user.BookedAs, user.UserId);
        Outcome<Booking> outcome;
        if (request.HouseholdId is { } householdId)
        {
            var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
            if (household is null)
            {
                return ApiProblems.NotFound($"Household {householdId}");
            }

            outcome = await bookings.BookForHouseholdAsync(target, startAt.Value, household, actor, cancellationToken, exception: exception);
        }
        else
        {
            var partnerId = request.PartnerId!.Value;
            if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
            {
                return ApiProblems.NotFound($"Partner {partnerId}");
            }

            var endAt = zone.Resolve(end!.Value.Local, end.Value.Offset);
            if (!endAt.IsSuccess)
            {
                return ApiProblems.From(endAt.Refusal!);
            }

            outcome = await bookings.BookForPartnerAsync(target, startAt.Value, endAt.Value, partnerId, actor, cancellationToken);
        }

        return outcome.Value is { } booking
            ? TypedResults.Created($"/api/v1/bookings/{booking.Id}", ToResponse(booking, zone))
            : ApiProblems.From(outcome.Refusal!);
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, CantinaOpsDb db, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(id, CurrentUser.From(http.User), db, tracked: false, cancellationToken);
        return found is { } f ? TypedResults.Ok(ToResponse(f.Booking, f.Zone)) : ApiProblems.NotFound($"Booking {id}");
    }

    private static async Task<IResult> CancelAsync(int id, string? reason, bool? following, HttpContext http, CantinaOpsDb db,
        BookingService bookings, Partner.PartnerScheduling partners, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (await FindVisibleAsync(id, user, db, tracked: true, cancellationToken) is not { } found)
        {
            return ApiProblems.NotFound($"Booking {id}");
        }

        var actor = new Actor(user.BookedAs, user.UserId);
        // A partner's block goes through the partner's own cancel, as on its page ("this and all following" included).
        var refusal = found.Booking.PartnerId is { } partnerId && (following == true || !user.IsStaff)
            ? await partners.CancelAsync(partnerId, id, following == true, actor, cancellationToken)
            : await bookings.CancelAsync(found.Booking, actor, reason, cancellationToken);
        return refusal is null ? TypedResults.NoContent() : ApiProblems.From(refusal);
    }

    /// <summary>
    /// Staff see every booking; a partner user only its own association's. Someone else's booking
    /// answers 404, like a missing one, so ids cannot be probed.
    /// </summary>
    internal static async Task<(Booking Booking, NodaTime.DateTimeZone Zone)?> FindVisibleAsync(int id, CurrentUser user,
        CantinaOpsDb db, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Bookings : db.Bookings.AsNoTracking();
        var booking = await query.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (booking is null || (!user.IsStaff && (user.PartnerId is null || booking.PartnerId != user.PartnerId)))
        {
            return null;
        }

        var zoneId = await db.Resources.Where(r => r.Id == booking.ResourceId).Select(r => r.Space.Site.TimeZoneId)
            .SingleAsync(cancellationToken);
        return (booking, NodaTime.DateTimeZoneProviders.Tzdb[zoneId]);
    }

    internal static BookingResponse ToResponse(Booking booking, NodaTime.DateTimeZone zone) =>
        new(booking.Id, booking.ResourceId, SiteDateTimeText.Format(booking.Start, zone),
            SiteDateTimeText.Format(booking.End, zone), ApiNames.Of(booking.Status), booking.HouseholdId, booking.PartnerId);
}
