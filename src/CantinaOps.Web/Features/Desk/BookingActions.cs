using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Desk;

public enum DeskAction
{
    CheckIn,
    NoShow,
    Cancel,
    Complete,
}

/// <summary>The desk's one-tap actions on a booking, each recorded in the audit trail.</summary>
public sealed class BookingActions(CantinaOpsDb db, AuditLog audit, IClock clock)
{
    /// <returns>Null when done; the refusal otherwise. Throws nothing for a missing booking: returns it as not found.</returns>
    public async Task<(bool Found, Refusal? Refusal)> ApplyAsync(int bookingId, DeskAction action, BookedBy by,
        CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return (false, null);
        }

        var now = clock.GetCurrentInstant();
        var refusal = action switch
        {
            DeskAction.CheckIn => booking.CheckIn(now),
            DeskAction.NoShow => booking.MarkNoShow(now),
            DeskAction.Cancel => booking.Cancel(now, by),
            DeskAction.Complete => booking.Complete(now),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (refusal is not null)
        {
            return (true, refusal);
        }

        var code = booking.HouseholdId is { } id
            ? await db.Households.Where(h => h.Id == id).Select(h => h.Code).SingleAsync(cancellationToken)
            : $"partner {booking.PartnerId}";
        audit.Record($"booking.{action.ToString().ToLowerInvariant()}", $"booking {booking.Id}", code);
        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }
}
