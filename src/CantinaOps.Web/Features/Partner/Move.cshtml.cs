using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>Changes the times of one block (one occurrence of a series stays in its series).</summary>
public sealed class MoveModel(PartnerScheduling scheduling, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public bool Following { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
        if (time.Parse(From ?? "") is not { Success: true } from || time.Parse(To ?? "") is not { Success: true } to)
        {
            ModelState.AddModelError(string.Empty, l["Rule.InvalidBlock"]);
            return Page();
        }

        if (await scheduling.MoveAsync(PartnerId, Id, from.Value, to.Value, Actor, Following, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, l.Explain(refusal));
            return Page();
        }

        TempData["Message"] = l["Partner.Moved"].Value;
        return RedirectToPage("Index");
    }
}
