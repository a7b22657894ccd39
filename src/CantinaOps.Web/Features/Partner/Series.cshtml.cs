using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>A recurring series: the form, the preview of every occurrence and conflict, a choice per conflict, then saving.</summary>
public sealed class SeriesModel(CantinaOpsDb db, PartnerScheduling scheduling, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty] public List<IsoDayOfWeek> Days { get; set; } = [];
    [BindProperty] public string Start { get; set; } = "07:30";
    [BindProperty] public string End { get; set; } = "13:00";
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    /// <summary>The choice per conflicting day, read from the "Choice[yyyy-MM-dd]" fields (not model-bound: a
    /// dictionary without matching fields would bind every other field of the form).</summary>
    public Dictionary<string, ConflictChoice> Choice { get; private set; } = [];

    public IReadOnlyList<OccurrencePlan>? Plans { get; private set; }
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await RequestAsync(cancellationToken) is not { } request)
        {
            return Page();
        }

        var outcome = await scheduling.PreviewAsync(PartnerId, request, cancellationToken);
        if (!outcome.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l.Explain(outcome.Refusal!));
            return Page();
        }

        Plans = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await RequestAsync(cancellationToken) is not { } request)
        {
            return Page();
        }

        Choice = Request.Form.Keys.Where(k => k.StartsWith("Choice[", StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => (Day: k[7..^1], Value: Request.Form[k].ToString()))
            .Where(c => Enum.TryParse<ConflictChoice>(c.Value, out _))
            .ToDictionary(c => c.Day, c => Enum.Parse<ConflictChoice>(c.Value));
        var choices = Choice.Where(c => DateWindow.ParseDate(c.Key) is not null)
            .ToDictionary(c => DateWindow.ParseDate(c.Key)!.Value, c => c.Value);
        var outcome = await scheduling.SaveAsync(PartnerId, request, choices, Actor, cancellationToken);
        if (!outcome.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, l.Explain(outcome.Refusal!));
            Plans = (await scheduling.PreviewAsync(PartnerId, request, cancellationToken)).Value;
            return Page();
        }

        TempData["Message"] = l["Partner.SeriesSaved"].Value;
        return RedirectToPage("Index", new { from = request.FirstDay.ToString("uuuu-MM-dd", null) });
    }

    private async Task<SeriesRequest?> RequestAsync(CancellationToken cancellationToken)
    {
        var kitchen = await db.Resources.Where(r => r.Kind == ResourceKind.ProfessionalKitchen && r.IsActive)
            .Select(r => new { r.Id, r.Space.Site.TimeZoneId }).FirstOrDefaultAsync(cancellationToken);
        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        if (kitchen is null || Days.Count == 0 || !time.Parse(Start).Success || !time.Parse(End).Success
            || DateWindow.ParseDate(From) is not { } from || DateWindow.ParseDate(To) is not { } to)
        {
            ModelState.AddModelError(string.Empty, l["Partner.SeriesIncomplete"]);
            return null;
        }

        Zone = DateTimeZoneProviders.Tzdb[kitchen.TimeZoneId];
        return new SeriesRequest(kitchen.Id, Days, time.Parse(Start).Value, time.Parse(End).Value, from, to);
    }
}
