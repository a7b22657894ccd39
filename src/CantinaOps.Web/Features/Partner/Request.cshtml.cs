using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Bookings;
using CantinaOps.Web.Features.Scheduling;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>Request the professional kitchen for a morning, an afternoon, a whole day or custom quarter hours.</summary>
public sealed class RequestModel(CantinaOpsDb db, ScheduleCache rules, BookingService bookings, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty] public string? Day { get; set; }
    [BindProperty] public string Preset { get; set; } = "morning";
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kitchen = await db.Resources.Where(r => r.Kind == ResourceKind.ProfessionalKitchen && r.IsActive).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var target = await rules.ForResourceAsync(db, kitchen, cancellationToken);
        if (target is null || Day is null || DateWindow.ParseDate(Day) is not { } day)
        {
            ModelState.AddModelError(nameof(Day), l["Partner.ChooseDay"]);
            return Page();
        }

        var range = target.Schedule.Space.RangesOn(day.DayOfWeek).FirstOrDefault();
        var noon = new LocalTime(13, 0);
        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        (LocalTime Start, LocalTime End)? block = (Preset, range) switch
        {
            (_, null) => null,
            ("morning", _) => (range.Opens, noon),
            ("afternoon", _) => (noon, range.Closes),
            ("day", _) => (range.Opens, range.Closes),
            _ => time.Parse(From ?? "").Success && time.Parse(To ?? "").Success ? (time.Parse(From!).Value, time.Parse(To!).Value) : null,
        };
        if (block is null)
        {
            ModelState.AddModelError(string.Empty, l[range is null ? "Rule.Closed" : "Rule.InvalidBlock"]);
            return Page();
        }

        var zone = target.Schedule.Zone;
        var outcome = await bookings.BookForPartnerAsync(target, zone.ToInstant(day + block.Value.Start), zone.ToInstant(day + block.Value.End),
            PartnerId, Actor, cancellationToken);
        if (!outcome.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l.Explain(outcome.Refusal!));
            return Page();
        }

        TempData["Message"] = outcome.Value!.Status == Domain.Bookings.BookingStatus.Pending ? l["Partner.Requested"].Value : l["Partner.Booked"].Value;
        return RedirectToPage("Index");
    }
}
