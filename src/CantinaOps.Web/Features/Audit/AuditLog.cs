using System.Security.Claims;
using CantinaOps.Web.Data;
using NodaTime;

namespace CantinaOps.Web.Features.Audit;

/// <summary>
/// Adds a line to the audit trail in the same unit of work as the change it describes, so a change
/// and its record are saved together or not at all.
/// </summary>
public sealed class AuditLog(CantinaOpsDb db, IHttpContextAccessor http, IClock clock)
{
    public void Record(string action, string subject, string? detail = null)
    {
        var user = http.HttpContext?.User;
        var name = user?.FindFirstValue("cantinaops:name") ?? user?.Identity?.Name
            ?? (Family.FamilyAccessService.HouseholdId(user ?? new ClaimsPrincipal()) is { } id ? $"household {id}" : "system");
        db.Audit.Add(new AuditEntry(clock.GetCurrentInstant(), user?.FindFirstValue(ClaimTypes.NameIdentifier), name, action,
            subject, detail));
    }
}
