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
    public enum Result { Saved, NotFound, NotYet, Invalid }

    /// <param name="partnerId">The partner of the user, or null for staff (who may declare for any partner).</param>
    public async Task<Result> DeclareAsync(int bookingId, int? partnerId, int meals, IEnumerable<MealCount> byKind,
        IEnumerable<int> checklist, string? userId, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId && b.PartnerId != null
            && (partnerId == null || b.PartnerId == partnerId), cancellationToken);
        if (booking is null)
        {
            return Result.NotFound;
        }

        var now = clock.GetCurrentInstant();
        if (now < booking.Start || booking.Status is BookingStatus.Cancelled or BookingStatus.Declined or BookingStatus.Skipped)
        {
            return Result.NotYet;
        }

        try
        {
            var report = await db.SessionReports.SingleOrDefaultAsync(r => r.BookingId == bookingId, cancellationToken);
            if (report is null)
            {
                db.SessionReports.Add(new SessionReport(bookingId, meals, byKind, checklist, userId, now));
            }
            else
            {
                report.Correct(meals, byKind, checklist, userId, now);
            }
        }
        catch (ArgumentException)
        {
            return Result.Invalid;
        }

        audit.Record("session.report", $"booking {bookingId}", $"{meals} meals");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Saved;
    }
}
