using System.Data.Common;
using System.Runtime.CompilerServices;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Impact;
using CantinaOps.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;

namespace CantinaOps.Web.Features.Impact;

/// <summary>
/// Tells the <see cref="ImpactDayCache"/> which days a save changed, whatever path saved it: a booking's old and
/// new start, a session report's session, a refusal's or wish's day. The marks are handed over only once the
/// change is committed (after the save, or after the transaction around it), so a request counting the day in
/// between cannot keep the old version.
/// </summary>
public sealed class ImpactChanges(ImpactDayCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public List<Instant> Starts { get; } = [];
        public List<LocalDate> Days { get; } = [];
        public List<int> Sessions { get; } = [];
        public bool Everything { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Drop(eventData.Context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Booking booking:
                    pending.Starts.Add(booking.Start);
                    if (entry.State == EntityState.Modified)
                    {
                        pending.Starts.Add((Instant)entry.Property(nameof(Booking.Start)).OriginalValue!);
                    }

                    break;
                case SessionReport report:
                    pending.Sessions.Add(report.BookingId);
                    break;
                case DemandRefusal refusal:
                    pending.Days.Add(refusal.Day);
                    break;
                case WaitlistEntry wish:
                    pending.Days.Add(wish.Day);
                    break;
                case Household when entry.State == EntityState.Modified && entry.Property(nameof(Household.MergedIntoId)).IsModified:
                    // Two households become one: any day may count one household fewer.
                    pending.Everything = true;
                    break;
            }
        }
    }

    private void AfterSave(DbContext? context)
    {
        // Inside a transaction of its own the change is not committed yet: handed over at the commit.
        if (context?.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        pending.Starts.ForEach(cache.Touch);
        pending.Days.ForEach(cache.Touch);
        pending.Sessions.ForEach(cache.TouchSession);
        if (pending.Everything)
        {
            cache.TouchAll();
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
