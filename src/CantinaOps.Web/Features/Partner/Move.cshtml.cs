using CantinaOps.Web.Features.Partner;
using CantinaOps.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Partner;

/// <summary>Changes the times of one block (one occurrence of a series stays in its series), starting from its current times.</summary>
public sealed class MoveModel(PartnerScheduling scheduling, PartnerCalendar calendar, IStringLocalizer<SharedResource> l) : PartnerPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public bool Following { get; set; }

    /// <summary>The block being moved, as it is now.</summary>
    public PartnerCalendar.Entry Block { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await calendar.FindAsync(PartnerId, Id, cancellationToken) is not { } block)
        {
            return NotFound();
        }

        Block = block;
        (From, To) = (Time.Format(block.Start), Time.Format(block.End));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await calendar.FindAsync(PartnerId, Id, cancellationToken) is not { } block)
        {
            return NotFound();
        }

        Block = block;
        if (Time.Parse(From ?? "") is not { Success: true } from || Time.Parse(To ?? "") is not { Success: true } to)
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
        return RedirectToPage("Index", new { from = block.Day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
}
