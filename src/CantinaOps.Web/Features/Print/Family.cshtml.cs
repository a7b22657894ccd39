using CantinaOps.Domain.Scheduling;
using CantinaOps.Web.Features.Print;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Features.Print;

/// <summary>
/// A household's week slip in its language and in French. Latin, Cyrillic and Georgian slips are PDFs;
/// right-to-left slips (Arabic, Dari, Pashto) and Tigrinya's are printed from this HTML twin by the browser,
/// which shapes and orders the script correctly and has Ethiopic fonts — PDFsharp 6.2.4 and its fonts do not.
/// </summary>
public sealed class FamilyModel(PrintQueries queries, Infrastructure.PublicLinks links,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public string InLanguage(string key) => In(Language, key);

    public string InFrench(string key) => In("fr", key);

    private string In(string language, string key)
    {
        using var _ = Infrastructure.Localization.Use(System.Globalization.CultureInfo.GetCultureInfo(language));
        return l[key].Value;
    }

    public SlipModel Slip { get; private set; } = null!;
    public bool RightToLeft { get; private set; }
    public string Language { get; private set; } = "fr";

    private bool AsPdf => !RightToLeft && Infrastructure.Localization.PdfCanDraw(Language);

    public async Task<IActionResult> OnGetAsync(int household, string? week, string? format, [FromServices] Data.CantinaOpsDb db,
        CancellationToken cancellationToken)
    {
        var day = DateWindow.ParseDate(week) ?? await queries.TodayAsync(cancellationToken);
        if (await queries.SlipAsync(household, day, links.To(""), cancellationToken) is not { } slip)
        {
            return NotFound();
        }

        Slip = slip;
        Language = (await db.Households.FindAsync([household], cancellationToken))!.Language;
        RightToLeft = Infrastructure.Localization.Culture(Language).TextInfo.IsRightToLeft;
        ViewData["Pdf"] = !AsPdf ? null : $"?household={household}&week={day:uuuu-MM-dd}&format=pdf";
        return format == "pdf" && AsPdf ? File(PdfDocuments.Slip(slip), "application/pdf", $"slip-{slip.Code}.pdf") : Page();
    }
}
