using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>A test hook: lets a test stop "the process" between sending and marking. Does nothing in the app.</summary>
public interface IDispatchFaults
{
    void AfterSend(Dispatch dispatch);
}

public sealed class NoDispatchFaults : IDispatchFaults
{
    public void AfterSend(Dispatch dispatch)
    {
    }
}

/// <summary>
/// Sends due dispatches, each exactly once:
/// 1. claim — one UPDATE that succeeds for one worker only (a lease, in case the worker dies);
/// 2. mark "sending" just before calling the provider;
/// 3. mark "sent" with the provider's reference.
/// A worker that died after 1 leaves a claim that expires: the message is sent by the next worker, nothing
/// is lost. A worker that died during 3's call leaves "sending": the message may have gone, so it is not
/// sent again but shown to the desk as unconfirmed — the remaining window is the provider call itself
/// (milliseconds), and it ends visible, never as a silent duplicate or a silent loss.
/// </summary>
public sealed class DispatchSender(IServiceScopeFactory scopes, IClock clock, ILogger<DispatchSender> logger)
{
    public static readonly Duration Lease = Duration.FromMinutes(2);

    public async Task<int> DrainAsync(int parallelism, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<long> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
                var now = clock.GetCurrentInstant();
                await db.Set<Dispatch>().Where(d => d.Status == DispatchStatus.Sending && d.ClaimedUntil < now)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DispatchStatus.Unconfirmed), cancellationToken);
                batch = await db.Set<Dispatch>()
                    .Where(d => (d.Status == DispatchStatus.Pending && d.DueAt <= now) || (d.Status == DispatchStatus.Claimed && d.ClaimedUntil < now))
                    .OrderBy(d => d.DueAt).Select(d => d.Id).Take(200).ToListAsync(cancellationToken);
            }

            if (batch.Count == 0)
            {
                break;
            }

            var done = 0;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (id, ct) =>
                {
                    if (await SendOneAsync(id, ct))
                    {
                        Interlocked.Increment(ref done);
                    }
                });
            sent += done;
            if (done == 0)
            {
                break; // everything in the batch belonged to other workers or failed: try again on the next run
            }
        }

        return sent;
    }

    /// <returns>True when this worker handled the dispatch (sent, failed, or found obsolete).</returns>
    public async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CantinaOpsDb>();
        var now = clock.GetCurrentInstant();
        var token = Guid.NewGuid();
        var claimed = await db.Set<Dispatch>()
            .Where(d => d.Id == id && ((d.Status == DispatchStatus.Pending && d.DueAt <= now) || (d.Status == DispatchStatus.Claimed && d.ClaimedUntil < now)))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DispatchStatus.Claimed).SetProperty(d => d.ClaimToken, token)
                .SetProperty(d => d.ClaimedUntil, now + Lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var dispatch = await db.Set<Dispatch>().SingleAsync(d => d.Id == id, cancellationToken);
        var message = await ComposeAsync(db, services, dispatch, cancellationToken);
        if (message is null)
        {
            dispatch.MarkObsolete();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var sending = await db.Set<Dispatch>().Where(d => d.Id == id && d.ClaimToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DispatchStatus.Sending), cancellationToken);
        if (sending == 0)
        {
            return false;
        }

        string? reference;
        try
        {
            reference = dispatch.Channel == Channel.Sms
                ? await services.GetRequiredService<ISmsSender>().SendAsync(message, cancellationToken)
                : await services.GetRequiredService<IEmailSender>().SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await db.Entry(dispatch).ReloadAsync(cancellationToken);
            dispatch.MarkFailed(clock.GetCurrentInstant(), exception.GetType().Name + ": " + exception.Message);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Dispatch {DispatchId} attempt {Attempt} failed", id, dispatch.Attempts);
            return true;
        }

        services.GetRequiredService<IDispatchFaults>().AfterSend(dispatch);
        await db.Set<Dispatch>().Where(d => d.Id == id && d.ClaimToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DispatchStatus.Sent).SetProperty(d => d.SentAt, clock.GetCurrentInstant())
                .SetProperty(d => d.ProviderReference, reference).SetProperty(d => d.ClaimToken, (Guid?)null), cancellationToken);
        if (dispatch.NoticeId is { } noticeId)
        {
            await db.Notices.Where(n => n.Id == noticeId && n.DeliveredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DeliveredAt, clock.GetCurrentInstant()), cancellationToken);
        }

        return true;
    }

    /// <summary>The message as it is true now; null when there is nothing to say any more.</summary>
    private static async Task<OutgoingMessage?> ComposeAsync(CantinaOpsDb db, IServiceProvider services, Dispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.Attachments is { Length: > 0 } ids && dispatch.Address is { } address)
        {
            var wanted = ids.Split(',').Select(long.Parse).ToList();
            var documents = await db.Set<Print.StoredDocument>().AsNoTracking().Where(d => wanted.Contains(d.Id)).ToListAsync(cancellationToken);
            var l = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return documents.Count == 0 ? null : new OutgoingMessage(address, l[$"Topic.{dispatch.Topic}"], l["Msg.Documents"], dispatch.Key,
                documents.Select(d => new Attachment(d.FileName, d.Content)).ToList());
        }

        var booking = dispatch.BookingId is { } bookingId
            ? await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken)
            : null;
        if (booking is null)
        {
            return null;
        }

        var isReminder = dispatch.Topic.StartsWith("reminder-", StringComparison.Ordinal);
        if (isReminder && (booking.Status != BookingStatus.Confirmed || !dispatch.Key.EndsWith($":{booking.Start.ToUnixTimeSeconds()}", StringComparison.Ordinal)))
        {
            return null; // cancelled, or moved: the reminder of the new time has its own dispatch
        }

        if (dispatch.NoticeId is not null && dispatch.Topic.StartsWith("notice-", StringComparison.Ordinal)
            && Enum.TryParse<NoticeKind>(dispatch.Topic["notice-".Length..], out var kind) && !Notice.StillTrue(kind, booking.Status))
        {
            return null; // undone meanwhile (an absence, a cancellation): the notice no longer tells the truth
        }

        var rules = services.GetRequiredService<ScheduleCache>();
        var target = await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        string to, language;
        var resourceName = target.Resource.Name;
        if (dispatch.HouseholdId is { } householdId)
        {
            var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken);
            if (household is null || !household.IsActive || household.Phone is null)
            {
                return null;
            }

            (to, language) = (household.Phone, household.Language);
            resourceName = services.GetRequiredService<Family.FamilyNames>().Of(target.Resource, language);
        }
        else
        {
            var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == dispatch.PartnerId, cancellationToken);
            if (partner?.Contact is null)
            {
                return null;
            }

            (to, language) = (partner.Contact, "fr");
        }

        var note = booking.Note;
        var (subject, text) = services.GetRequiredService<MessageComposer>().Compose(dispatch.Topic, language,
            new MessageComposer.About(target.Resource.Kind, resourceName, booking.Start.InZone(target.Schedule.Zone), note), null);
        return new OutgoingMessage(to, subject, text, dispatch.Key);
    }
}
