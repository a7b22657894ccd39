using CantinaOps.Web.Data;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Audit;

/// <summary>The audit trail, newest first, for coordinators.</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class IndexModel(CantinaOpsDb db, Scheduling.ScheduleCache rules) : PageModel
{
    public sealed record Line(Instant At, string Actor, string Action, string Subject, string? Detail);

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = (await rules.DefaultAsync(db, cancellationToken)).Zone;
        Lines = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(500)
            .Select(a => new Line(a.At, a.ActorName, a.Action, a.Subject, a.Detail)).ToListAsync(cancellationToken);
    }
}
