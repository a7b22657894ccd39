using CantinaOps.Domain.Access;
using CantinaOps.Web.Data;
using CantinaOps.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Account;

/// <summary>
/// Counts failed sign-ins per way in and per typed key (normalised by the caller), known or not.
/// Rows are keyed by a hash of the typed text: no e-mail or phone number is stored in clear.
/// </summary>
public sealed class SignInGuard(CantinaOpsDb db, IClock clock)
{
    public async Task<bool> IsLockedOutAsync(WayIn way, string typed, CancellationToken cancellationToken) =>
        (await FindAsync(way, typed, cancellationToken))?.IsLockedOut(clock.GetCurrentInstant()) == true;

    /// <returns>Whether the way in is now locked for what was typed.</returns>
    public async Task<bool> RecordFailureAsync(WayIn way, string typed, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var failures = await FindAsync(way, typed, cancellationToken);
            if (failures is null)
            {
                failures = new SignInFailures(way, Key(way, typed));
                db.SignInFailures.Add(failures);
            }

            var locked = failures.RecordFailure(clock.GetCurrentInstant());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return locked;
            }
            catch (DbUpdateException exception) when (attempt == 0 && Database.IsUniqueViolation(exception))
            {
                // Two wrong tries of the same key at once: the other inserted the row first; count on it.
                db.Entry(failures).State = EntityState.Detached;
            }
        }
    }

    /// <summary>A success (or a new secret given by the desk) wipes what was counted for that key.</summary>
    public async Task ClearAsync(WayIn way, string typed, CancellationToken cancellationToken)
    {
        var key = Key(way, typed);
        await db.SignInFailures.Where(f => f.Way == way && f.KeyHash == key).ExecuteDeleteAsync(cancellationToken);
    }

    private Task<SignInFailures?> FindAsync(WayIn way, string typed, CancellationToken cancellationToken)
    {
        var key = Key(way, typed);
        return db.SignInFailures.SingleOrDefaultAsync(f => f.Way == way && f.KeyHash == key, cancellationToken);
    }

    private static string Key(WayIn way, string typed) => SecretHash.Of($"{way}:{typed}");
}
