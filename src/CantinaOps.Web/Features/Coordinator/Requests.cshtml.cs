using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Partner requests waiting for approval, each re-checked against today's rules before the coordinator decides.</summary>
public sealed class RequestsModel(CantinaOpsDb db, ScheduleCache rules, PartnerScheduling scheduling, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Line(int Id, string Partner, string When, string Resource, Refusal? Conflict);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Bookings.Where(b => b.Status == BookingStatus.Pending).OrderBy(b => b.Start).Take(200).ToListAsync(cancellationToken);
        var partners = await db.Partners.ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var lines = new List<Line>();
        foreach (var booking in pending)
        {
            var target = await rules.ForResourceAsync(db, booking.ResourceId, cancellationToken);
            var zone = target!.Schedule.Zone;
            lines.Add(new Line(booking.Id, partners.GetValueOrDefault(booking.PartnerId ?? 0, "?"),
                $"{booking.Start.InZone(zone):ddd dd/MM HH:mm}–{booking.End.InZone(zone):HH:mm}", target.Resource.Name,
                await scheduling.RecheckAsync(booking, target, cancellationToken)));
        }

        Lines = lines;
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await scheduling.ApproveAsync(id, cancellationToken);
        TempData["Message"] = refusal is null ? l["Coord.Approved"].Value : l.Explain(refusal);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        var refusal = await scheduling.DeclineAsync(id, reason ?? string.Empty, cancellationToken);
        TempData["Message"] = refusal is null ? l["Coord.Declined"].Value : l.Explain(refusal);
        return RedirectToPage();
    }
}
