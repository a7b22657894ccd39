using CantinaOps.Domain;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CantinaOps.Domain.Scheduling;

namespace CantinaOps.Web.Features.Coordinator;

/// <summary>Partner associations and their agreements (dates and spaces covered).</summary>
public sealed class PartnersModel(CantinaOpsDb db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<CantinaOps.Domain.Partners.Partner> Partners { get; private set; } = [];
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];
    public IReadOnlyList<Space> Spaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPartnerAsync(string? name, string? contact, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || this.RefusedAsTooLong(name, TextLimits.Name, l) || this.RefusedAsTooLong(contact, TextLimits.Line, l))
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                ModelState.AddModelError(string.Empty, l["Coord.PartnerInvalid"]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Partners.Add(new CantinaOps.Domain.Partners.Partner(name, contact));
        audit.Record("partner.add", name);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAgreementAsync(int partnerId, string? first, string? last, List<int> spaceIds, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NotFound();
        }

        // A date outside the app's window (a year -1) is refused here; stored, it broke every later load of this page.
        var from = DateWindow.ParseDate(first);
        var to = DateWindow.ParseDate(last);
        // Only spaces in use can be agreed on: an unknown or retired id is dropped, and none left is refused below.
        var inUse = await db.Spaces.Where(s => s.IsActive).Select(s => s.Id).ToListAsync(cancellationToken);
        spaceIds = spaceIds.Where(inUse.Contains).Distinct().ToList();
        var error = from is null || to is null
            ? new SettingError(SettingRule.DateOutsideWindow, DateWindow.Explain("An agreement's first and last day"))
            : Agreement.Validate(from.Value, to.Value, spaceIds);
        if (error is not null)
        {
            this.AddError(error, l);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Agreements.Add(new Agreement(partnerId, from!.Value, to!.Value, spaceIds));
        audit.Record("agreement.add", $"partner {partnerId}", $"{from.Value}–{to.Value}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Household.Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEditAsync(int partnerId, string? name, string? contact, CancellationToken cancellationToken)
    {
        if (await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 120 || contact?.Length > 200)
        {
            ModelState.AddModelError(string.Empty, l["Coord.PartnerInvalid"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        partner.Change(name, contact);
        audit.Record("partner.edit", $"partner {partnerId}", partner.Name);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Household.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>Ends a partnership on a day: its agreements stop then, so no block is accepted after it.</summary>
    public async Task<IActionResult> OnPostEndAsync(int partnerId, string? last, CancellationToken cancellationToken)
    {
        if (await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        var agreements = await db.Agreements.Where(a => a.PartnerId == partnerId).ToListAsync(cancellationToken);
        var error = DateWindow.ParseDate(last) is { } day
            ? partner.End(day, agreements)
            : new SettingError(SettingRule.DateOutsideWindow, DateWindow.Explain("The last day"));
        if (error is not null)
        {
            this.AddError(error, l);
            await LoadAsync(cancellationToken);
            return Page();
        }

        audit.Record("partner.end", $"partner {partnerId}", last);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Coord.PartnerEnded", partner.Name].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Agreements = await db.Agreements.AsNoTracking().OrderBy(a => a.FirstDay).ToListAsync(cancellationToken);
        Spaces = await db.Spaces.AsNoTracking().OrderBy(s => s.Kind).ToListAsync(cancellationToken);
    }
}
