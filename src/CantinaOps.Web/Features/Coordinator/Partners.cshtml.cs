using CantinaOps.Domain.Scheduling;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime.Text;

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
        if (string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError(string.Empty, l["Coord.PartnerInvalid"]);
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
        if (DateWindow.ParseDate(first) is not { } from || DateWindow.ParseDate(last) is not { } to
            || to < from || spaceIds.Count == 0 || !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, l["Coord.AgreementInvalid"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Agreements.Add(new Agreement(partnerId, from, to, spaceIds));
        audit.Record("agreement.add", $"partner {partnerId}", $"{from}–{to}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = l["Household.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Agreements = await db.Agreements.AsNoTracking().OrderBy(a => a.FirstDay).ToListAsync(cancellationToken);
        Spaces = await db.Spaces.AsNoTracking().OrderBy(s => s.Kind).ToListAsync(cancellationToken);
    }
}
