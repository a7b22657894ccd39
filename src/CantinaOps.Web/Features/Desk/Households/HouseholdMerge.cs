using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>Two records of one family: the duplicate's bookings and wishes move to the kept one, the duplicate is closed.</summary>
public sealed class HouseholdMerge(CantinaOpsDb db)
{
    /// <returns>How many bookings moved; null when there is no such other household.</returns>
    public async Task<int?> MergeAsync(string duplicateCode, Household kept, CancellationToken cancellationToken)
    {
        var duplicate = await db.Households.SingleOrDefaultAsync(h => h.Code == duplicateCode && h.Id != kept.Id, cancellationToken);
        if (duplicate is null)
        {
            return null;
        }

        var bookings = await db.Bookings.Where(b => b.HouseholdId == duplicate.Id).ToListAsync(cancellationToken);
        bookings.ForEach(b => b.TransferTo(kept.Id));
        await db.Waitlist.Where(w => w.HouseholdId == duplicate.Id)
            .ExecuteUpdateAsync(w => w.SetProperty(x => x.HouseholdId, kept.Id), cancellationToken);
        if (await db.HouseholdAccess.FindAsync([duplicate.Id], cancellationToken) is { } access)
        {
            db.HouseholdAccess.Remove(access);
        }

        duplicate.MergeInto(kept);
        return bookings.Count;
    }
}
