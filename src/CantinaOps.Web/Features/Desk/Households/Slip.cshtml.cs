using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// The slip handed to the family: its code, its PIN and a QR code of its sign-in link. The PIN and the
/// link exist in clear only for this one display (carried in TempData, never in the URL).
/// </summary>
public sealed class SlipModel(CantinaOpsDb db, Infrastructure.PublicLinks links) : PageModel
{
    public string Code { get; private set; } = string.Empty;
    public string Language { get; private set; } = "fr";
    public string? Pin { get; private set; }
    public string? Link { get; private set; }
    public string? QrSvg { get; private set; }

    /// <summary>Where the family signs in with its code and PIN, printed on the slip for a phone without a camera.</summary>
    public string SignInAddress => links.To("/Family/SignIn");

    /// <summary>The family's language first, then French (the desk's and the hotel's), once each.</summary>
    public IEnumerable<System.Globalization.CultureInfo> SlipLanguages =>
        new[] { Language, Domain.Households.Languages.Default }.Distinct(StringComparer.Ordinal).Select(System.Globalization.CultureInfo.GetCultureInfo);

    public static void Keep(ITempDataDictionary tempData, Family.FamilyAccessService.Secrets secrets)
    {
        tempData["Pin"] = secrets.Pin;
        tempData["LinkToken"] = secrets.LinkToken;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.Id == id)
            .Select(h => new { h.Code, h.Language }).SingleOrDefaultAsync(cancellationToken);
        if (household is null)
        {
            return NotFound();
        }

        (Code, Language) = (household.Code, household.Language);
        Pin = TempData["Pin"] as string;
        if (TempData["LinkToken"] is string token)
        {
            Link = links.To($"/f/{token}");
            using var data = QRCodeGenerator.GenerateQrCode(Link, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(4, 4), "#000000", "#ffffff", drawQuietZones: true,
                sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        }

        return Page();
    }
}
