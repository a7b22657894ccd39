using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>Meals produced and the check-out checklist, declared by the partner once its session has started.</summary>
public sealed class SessionReports(CantinaOpsDb db, AuditLog audit, IClock clock)
{
    public enum Result { Saved, NotFound, Refused }

    public sealed record Declared(Result Result, Refusal? Refusal = null);

    /// <param name="partnerId">The partner of the user, or null for staff (who may declare for any partner).</param>
    public async Task<Declared> DeclareAsync(int bookingId, int? partnerId, int meals, IEnumerable<MealCount> byKind,
        IEnumerable<int> checklist, string? userId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId && b.PartnerId != null
            && (partnerId == null || b.PartnerId == partnerId), cancellationToken);
        if (booking is null)
        {
            return new Declared(Result.NotFound);
        }

        var now = clock.GetCurrentInstant();
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.Declined or BookingStatus.Skipped)
        {
            return new Declared(Result.Refused, Refusal.Because(Rule.InvalidStatusChange, "invalid-status",
                $"A booking that is {booking.Status.ToString().ToLowerInvariant()} cannot have its meals declared."));
        }

        if (now < booking.Start)
        {
            return new Declared(Result.Refused, Refusal.Because(Rule.NotStarted, "meals-not-started", $"Meals are declared once the session has started."));
        }

        var kinds = byKind.ToList();
        var done = checklist.Distinct().ToList();
        var items = await db.Checklist.AsNoTracking().Where(c => c.IsActive).Select(c => c.Id).ToListAsync(cancellationToken);
        if (SessionReport.Check(meals, kinds, done, items) is { } refusal)
        {
            return new Declared(Result.Refused, refusal);
        }

        var report = await db.SessionReports.SingleOrDefaultAsync(r => r.BookingId == bookingId, cancellationToken);
        if (report is null)
        {
            db.SessionReports.Add(new SessionReport(bookingId, meals, kinds, done, userId, now));
        }
        else
        {
            report.Correct(meals, kinds, done, userId, now);
        }

        audit.Record("session.report", $"booking {bookingId}", $"{meals} meals");
        await db.SaveChangesAsync(cancellationToken);
        return new Declared(Result.Saved);
    }
}
