using NodaTime;

namespace CantinaOps.Web.Data;

/// <summary>
/// One line of the audit trail: who did what to which booking, household or machine, and when.
/// Subjects are ids and household codes, never names or phone numbers.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Subject = string.Empty;
        ActorName = string.Empty;
    }

    public AuditEntry(Instant at, string? actorUserId, string actorName, string action, string subject, string? detail)
    {
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Detail = detail;
    }

    public long Id { get; private set; }
    public Instant At { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    public string Action { get; private set; }
    public string Subject { get; private set; }
    public string? Detail { get; private set; }
}
