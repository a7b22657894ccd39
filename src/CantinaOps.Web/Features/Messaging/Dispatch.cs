using NodaTime;

namespace CantinaOps.Web.Features.Messaging;

public enum Channel
{
    Sms = 1,
    Email = 2,

    /// <summary>No phone or e-mail: the desk tells the family in person.</summary>
    InPerson = 3,
}

public enum DispatchStatus
{
    Pending = 1,

    /// <summary>A worker holds it (until its lease ends) and has not started talking to the provider.</summary>
    Claimed = 2,

    /// <summary>The provider is being called. A worker that died here may or may not have sent it.</summary>
    Sending = 3,
    Sent = 4,

    /// <summary>Gave up after the last attempt.</summary>
    Failed = 5,

    /// <summary>No longer true (booking cancelled or moved, household inactive): not sent.</summary>
    Obsolete = 6,

    /// <summary>Waiting for the desk to tell the family in person.</summary>
    ToTellInPerson = 7,

    /// <summary>A worker died while the provider was being called: not resent automatically, shown to the desk.</summary>
    Unconfirmed = 8,

    /// <summary>Told in person by the desk.</summary>
    ToldInPerson = 9,
}

/// <summary>
/// One message to one household or partner about one thing (a reminder of a booking, a notice). Its key
/// is unique, so planning the same message twice finds the existing row; a worker must claim it (an
/// atomic update) before sending, so two workers or two servers never both send it.
/// Holds ids and a kind only: the text is rendered when sent, and no personal data goes to the job queue.
/// </summary>
public sealed class Dispatch
{
    public const int MaxAttempts = 5;

    private Dispatch()
    {
        Key = string.Empty;
        Topic = string.Empty;
    }

    public Dispatch(string key, string topic, Channel channel, Instant dueAt, int? bookingId, int? noticeId, int? householdId,
        int? partnerId, Instant now)
    {
        Key = key;
        Topic = topic;
        Channel = channel;
        DueAt = dueAt;
        BookingId = bookingId;
        NoticeId = noticeId;
        HouseholdId = householdId;
        PartnerId = partnerId;
        CreatedAt = now;
        Status = channel == Channel.InPerson ? DispatchStatus.ToTellInPerson : DispatchStatus.Pending;
    }

    public long Id { get; private set; }
    public string Key { get; private set; }

    /// <summary>For staff recipients (the coordinator's plans): their e-mail address.</summary>
    public string? Address { get; private set; }

    /// <summary>Ids of stored documents to attach, comma-separated.</summary>
    public string? Attachments { get; private set; }

    public static Dispatch Documents(string key, string topic, string address, int? partnerId, IEnumerable<long> documentIds, Instant now) =>
        new(key, topic, Channel.Email, now, null, null, null, partnerId, now)
        {
            Address = address,
            Attachments = string.Join(',', documentIds),
        };

    /// <summary>What the message says: reminder-evening, reminder-hours, reminder-days, notice-moved…</summary>
    public string Topic { get; private set; }

    public Channel Channel { get; private set; }
    public Instant DueAt { get; private set; }
    public int? BookingId { get; private set; }
    public int? NoticeId { get; private set; }
    public int? HouseholdId { get; private set; }
    public int? PartnerId { get; private set; }
    public Instant CreatedAt { get; private set; }
    public DispatchStatus Status { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public Instant? ClaimedUntil { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public Instant? SentAt { get; private set; }
    public string? ProviderReference { get; private set; }

    /// <summary>A failed attempt goes back to the queue a little later, until the last one.</summary>
    public void MarkFailed(Instant now, string error)
    {
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimToken = null;
        Status = Attempts >= MaxAttempts ? DispatchStatus.Failed : DispatchStatus.Pending;
        DueAt = now + Duration.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
    }

    public void MarkObsolete() => (Status, ClaimToken) = (DispatchStatus.Obsolete, null);

    public void MarkToldInPerson(Instant now) => (Status, SentAt) = (DispatchStatus.ToldInPerson, now);
}
