using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Account;
using CantinaOps.Web.Features.Api;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

public static class PartnersApi
{
    public sealed record SeriesBody([property: Required] int? ResourceId, [property: Required] string[]? Days, [property: Required] string? Start, [property: Required] string? End, [property: Required] string? From,
        [property: Required] string? To, int? PartnerId, Dictionary<string, string>? Choices);

    public sealed record ConflictResponse(string Rule, string Detail);

    public sealed record OccurrenceResponse(string Day, string? Start, string? End, bool Free, ConflictResponse? Conflict,
        string? MoveStart, string? MoveEnd);

    public sealed record SeriesPreviewResponse(IReadOnlyList<OccurrenceResponse> Occurrences);

    public sealed record SeriesCreatedResponse(int Id);

    public sealed record MoveBody([property: Required] string? Start, [property: Required] string? End, bool Following);

    public sealed record MealsBody([property: Required] int? Meals, MealCount[]? ByKind, int[]? Checklist);

    public static void MapPartnersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partner/bookings", ListAsync).WithSummary("The partner's own bookings (staff: every partner's, or ?partnerId=).")
            .Produces<BookingsApi.BookingResponse[]>();
        api.MapPost("/series/preview", PreviewAsync).WithSummary("Expands a recurring series and lists every occurrence and conflict, without saving.")
            .WithDescription("Times are the site's local times; 422 with `rule` when the series itself cannot be made " +
                "(`invalid-block`: no weekday, end before start, longer than about a year; `wrong-resource-for-booker`: not the kitchen).")
            .Produces<SeriesPreviewResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/series", CreateAsync).WithSummary("Saves a series; each conflict of the preview needs a choice: skip, move or cancel.")
            .WithDescription("`choices` maps each conflicting day (2026-05-14) to skip, move or cancel-series. 409 `choice-required` when a " +
                "conflict of the preview has no choice; 409 `slot-taken` when choices were given but the plan changed since the preview " +
                "(preview again); 422 when cancel-series was chosen or a rule is broken.")
            .Produces<SeriesCreatedResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/bookings/{id:int}/move", MoveAsync).WithSummary("Moves a partner's block to other times the same day; `following` moves every later occurrence of its series too.")
            .WithDescription("start and end are the site's local times (13:00). The same rule as on the partner's page: until the block starts; " +
                "409 when the new times are taken, 422 with `rule` when a booking rule is broken.")
            .Produces<BookingsApi.BookingResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/bookings/{id:int}/meals", DeclareMealsAsync).WithSummary("Declares the meals produced in a session, and its checklist.")
            .WithDescription("Once the session has started (422 `not-started` before). `byKind` rows need a kind and add up to `meals`; " +
                "`checklist` holds ids of the site's active check-out items; 400 naming the field otherwise.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static void MapCalendarFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet(CalendarFeeds.Path + "/{token}.ics", async (string token, CalendarFeeds feeds, AccountRateLimits limits,
                CancellationToken ct) =>
            !limits.TryAcquire(Purpose.Feeds, token) ? Results.StatusCode(StatusCodes.Status429TooManyRequests)
            : await feeds.RenderAsync(token, ct) is { } text
                ? Results.Text(text, "text/calendar; charset=utf-8")
                : Results.NotFound())
            .AllowAnonymous().RequireRateLimiting(RateLimits.Policy(Purpose.Feeds)).ExcludeFromDescription();

    private static async Task<IResult> ListAsync(HttpContext http, CantinaOpsDb db, ScheduleCache rules, int? partnerId,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var scope = user.IsStaff ? partnerId : user.PartnerId;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.PartnerId != null && (scope == null || b.PartnerId == scope))
            .OrderBy(b => b.Start).Take(1000).ToListAsync(cancellationToken);
        var site = await rules.DefaultAsync(db, cancellationToken);
        return TypedResults.Ok(rows.Select(b => new BookingsApi.BookingResponse(b.Id, b.ResourceId, SiteDateTimeText.Format(b.Start, site.Zone),
            SiteDateTimeText.Format(b.End, site.Zone), ApiNames.Of(b.Status), null, b.PartnerId)).ToArray());
    }

    private static async Task<IResult> PreviewAsync(SeriesBody body, HttpContext http, PartnerScheduling scheduling, CantinaOpsDb db,
        ScheduleCache rules, CancellationToken cancellationToken)
    {
        if (Parse(body, CurrentUser.From(http.User)) is not { } parsed)
        {
            return ApiProblems.Invalid("series", "Give resourceId, days (monday…sunday), start and end (07:30), from and to (2026-01-06).");
        }

        if (parsed.Forbidden is { } forbidden)
        {
            return forbidden;
        }

        var outcome = await scheduling.PreviewAsync(parsed.PartnerId, parsed.Request, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return ApiProblems.From(outcome.Refusal!);
        }

        var zone = (await rules.ForResourceAsync(db, parsed.Request.ResourceId, cancellationToken))!.Schedule.Zone;
        return TypedResults.Ok(new SeriesPreviewResponse(outcome.Value!.Select(p => ToResponse(p, zone)).ToList()));
    }

    private static async Task<IResult> CreateAsync(SeriesBody body, HttpContext http, PartnerScheduling scheduling, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (Parse(body, user) is not { } parsed)
        {
            return ApiProblems.Invalid("series", "Give resourceId, days (monday…sunday), start and end (07:30), from and to (2026-01-06).");
        }

        if (parsed.Forbidden is { } forbidden)
        {
            return forbidden;
        }

        var choices = new Dictionary<LocalDate, ConflictChoice>();
        foreach (var (day, choice) in body.Choices ?? [])
        {
            if (DateWindow.ParseDate(day) is not { } date || !Enum.TryParse<ConflictChoice>(choice.Replace("-", "", StringComparison.Ordinal), true, out var c))
            {
                return ApiProblems.Invalid("choices", "choices map a day (2026-05-14) to skip, move or cancel-series.");
            }

            choices[date] = c;
        }

        var outcome = await scheduling.SaveAsync(parsed.PartnerId, parsed.Request, choices, new Actor(user.BookedAs, user.UserId), cancellationToken);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/series/{outcome.Value!.Id}", new SeriesCreatedResponse(outcome.Value.Id))
            : ApiProblems.From(outcome.Refusal!);
    }

    private static async Task<IResult> MoveAsync(int id, MoveBody body, HttpContext http, PartnerScheduling scheduling, CantinaOpsDb db,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        if (time.Parse(body.Start ?? "") is not { Success: true } start || time.Parse(body.End ?? "") is not { Success: true } end)
        {
            return ApiProblems.Invalid("start", "start and end are local times like 13:00.");
        }

        // Someone else's block answers 404 like a missing one, so ids cannot be probed.
        if (await BookingsApi.FindVisibleAsync(id, user, db, tracked: false, cancellationToken) is not { Booking.PartnerId: { } partnerId })
        {
            return ApiProblems.NotFound($"Booking {id}");
        }

        if (await scheduling.MoveAsync(partnerId, id, start.Value, end.Value, new Actor(user.BookedAs, user.UserId), body.Following,
                cancellationToken) is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var moved = (await BookingsApi.FindVisibleAsync(id, user, db, tracked: false, cancellationToken))!.Value;
        return TypedResults.Ok(BookingsApi.ToResponse(moved.Booking, moved.Zone));
    }

    private static async Task<IResult> DeclareMealsAsync(int id, MealsBody body, HttpContext http, SessionReports reports,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (body.Meals is not { } meals)
        {
            return ApiProblems.Invalid("meals", "meals is the number of meals produced.");
        }

        var declared = await reports.DeclareAsync(id, user.IsStaff ? null : user.PartnerId ?? -1, meals,
            (body.ByKind ?? []).Where(k => k is not null), body.Checklist ?? [], user.UserId, cancellationToken);
        return declared.Result switch
        {
            SessionReports.Result.Saved => TypedResults.NoContent(),
            SessionReports.Result.NotFound => ApiProblems.NotFound($"Booking {id}"),
            _ when declared.Refusal is { Rule: Rule.InvalidValue } invalid =>
                ApiProblems.Invalid(invalid.Reason == "meals-unknown-item" ? "checklist" : invalid.Reason == "meals-range" ? "meals" : "byKind", invalid.Detail),
            _ => ApiProblems.From(declared.Refusal!),
        };
    }

    private sealed record Parsed(int PartnerId, SeriesRequest Request, IResult? Forbidden);

    private static Parsed? Parse(SeriesBody body, CurrentUser user)
    {
        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        if (body.ResourceId is not { } resourceId || body.Days is not { Length: > 0 } days
            || time.Parse(body.Start ?? "") is not { Success: true } start || time.Parse(body.End ?? "") is not { Success: true } end
            || DateWindow.ParseDate(body.From) is not { } from || DateWindow.ParseDate(body.To) is not { } to)
        {
            return null;
        }

        var weekdays = days.Select(d => Enum.TryParse<IsoDayOfWeek>(d, true, out var w) && w != IsoDayOfWeek.None ? w : IsoDayOfWeek.None).ToList();
        if (weekdays.Contains(IsoDayOfWeek.None))
        {
            return null;
        }

        var partnerId = user.IsStaff ? body.PartnerId : user.PartnerId;
        IResult? forbidden = partnerId is null || (!user.IsStaff && body.PartnerId is not null && body.PartnerId != user.PartnerId)
            ? ApiProblems.Forbidden("A partner user plans series only for its own association.")
            : null;
        return new Parsed(partnerId ?? 0, new SeriesRequest(resourceId, weekdays, start.Value, end.Value, from, to), forbidden);
    }

    private static OccurrenceResponse ToResponse(OccurrencePlan plan, DateTimeZone zone) => new(
        plan.Day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        plan.Time is { } t ? SiteDateTimeText.Format(t.Start, zone) : null, plan.Time is { } t2 ? SiteDateTimeText.Format(t2.End, zone) : null,
        plan.IsFree, plan.Conflict is { } c ? new ConflictResponse(c.Code, c.Detail) : null,
        plan.MoveTo is { } m ? SiteDateTimeText.Format(m.Start, zone) : null, plan.MoveTo is { } m2 ? SiteDateTimeText.Format(m2.End, zone) : null);
}
