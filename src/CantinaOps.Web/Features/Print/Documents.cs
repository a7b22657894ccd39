using NodaTime;
using PdfSharp;
using PdfSharp.Drawing;

namespace CantinaOps.Web.Features.Print;

/// <summary>What a stretch of a resource's time is on the wall plan.</summary>
public enum PlanCellKind
{
    Free,
    Booked,

    /// <summary>A partner's request waiting for the coordinator: it holds its time but is not settled.</summary>
    Pending,

    /// <summary>The machine is out of service; the text names the bookings still waiting to be moved.</summary>
    OutOfService,
}

/// <summary>
/// A stretch of one resource's day, in minutes since local midnight (<paramref name="To"/> may be 1440).
/// A partner block is one cell from its own start to its own end, whatever the rows.
/// </summary>
public sealed record PlanCell(int Resource, int From, int To, PlanCellKind Kind, string? Text);

/// <summary>A row of the plan's time axis, shared by every day so that days line up.</summary>
public sealed record PlanRow(int From, int To)
{
    public string Label => $"{From / 60:00}:{From % 60:00}";
}

/// <summary>A day of the plan; a closed day has its reason and the bookings it displaces instead of cells.</summary>
public sealed record PlanDay(string Label, string? ClosedReason, IReadOnlyList<PlanCell> Cells, IReadOnlyList<string> Displaced);

public sealed record PlanLabels(string Time, string Closed, string Booked, string Pending, string OutOfService, string Free, string Displaced);

/// <summary>A space's week for the wall: household codes (never names) and partner names, closures and outages marked.</summary>
public sealed record WeeklyPlanModel(string Site, string Space, string Week, string PrintedOn, IReadOnlyList<string> Resources,
    IReadOnlyList<PlanRow> Rows, IReadOnlyList<PlanDay> Days, PlanLabels Labels);

public sealed record Arrival(string Time, string Resource, string Who, string? People, string? Language);

public sealed record DaySheetModel(string Site, string Day, string PrintedOn, IReadOnlyList<Arrival> Arrivals, IReadOnlyList<string> ToTell,
    IReadOnlyDictionary<string, string> Labels);

/// <param name="ResourceInLanguage">The machine as the family reads it (kind and number in its language).</param>
public sealed record SlipLine(string Pictogram, string DayInLanguage, string DayInFrench, string Time, string Resource, string? ResourceInLanguage = null);

/// <summary>A family's week, in its language and in French, with a QR code the desk scans (an opaque token).</summary>
/// <param name="FamilyQrContent">What the family scans: its own sign-in page, in its language, its code filled in.</param>
public sealed record SlipModel(string Code, string Week, string TitleInLanguage, string TitleInFrench, IReadOnlyList<SlipLine> Lines,
    string QrContent, string Footer, string? FamilyQrContent = null, string? FamilyQrCaption = null, string? DeskQrCaption = null);

public sealed record PartnerLine(string Day, string Time, string Resource, string Status);

public sealed record PartnerScheduleModel(string Site, string Partner, string Month, string PrintedOn, IReadOnlyList<PartnerLine> Lines,
    IReadOnlyDictionary<string, string> Labels);

/// <summary>Renders each document model to PDF with the shared layout layer.</summary>
public static class PdfDocuments
{
    private const double Margin = 24;

    // Language names the shipped fonts cannot draw (Infrastructure.Localization.PdfCanDraw) are given in French.
    private static readonly Dictionary<string, string> LatinNames = new(StringComparer.Ordinal) { ["پښتو"] = "pachto", ["ትግርኛ"] = "tigrigna" };

    public static byte[] WeeklyPlan(WeeklyPlanModel model) => WeeklyPlanPdf.Render(model);

    /// <summary>
    /// The desk's day sheet (A4 portrait). Nothing is cut: the title wraps, a header too long for its column
    /// wraps and, if a word still does not fit, shrinks to 8 pt; rows grow to the lines their text needs.
    /// </summary>
    public static byte[] DaySheet(DaySheetModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Site} — {model.Day}");
        var (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
        var width = page.Width.Point - 2 * Margin;
        var bottom = page.Height.Point - Margin;
        var font = PdfLayout.Font(10);
        var columns = new[] { 0.09, 0.21, 0.27, 0.13, 0.16, 0.14 }.Select(c => c * width).ToArray();
        var headers = new[] { model.Labels["time"], model.Labels["resource"], model.Labels["household"], model.Labels["people"], model.Labels["language"], model.Labels["arrived"] };
        var headerFonts = headers.Select((h, i) => FittingFont(gfx, h, columns[i] - 4, 10, bold: true)).ToArray();
        var y = Margin;
        var titleFont = PdfLayout.Font(14, bold: true);
        var title = PdfLayout.Wrap(gfx, $"{model.Site} — {model.Labels["title"]} — {model.Day}", titleFont, width, 4);
        PdfLayout.Text(gfx, string.Join("\n", title), titleFont, new XRect(Margin, y, width, title.Count * titleFont.GetHeight() + 1));
        y += title.Count * titleFont.GetHeight() + 2;
        PdfLayout.Text(gfx, model.PrintedOn, PdfLayout.Font(8), new XRect(Margin, y, width, 12));
        y += 18;

        void NewPageIfNeeded(double height, bool withHeader)
        {
            if (y + height <= bottom)
            {
                return;
            }

            gfx.Dispose();
            (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
            y = Margin;
            if (withHeader)
            {
                Row(headers, headerFonts, XBrushes.Gainsboro);
            }
        }

        void Row(IReadOnlyList<string?> cells, IReadOnlyList<XFont> fonts, XBrush? fill)
        {
            var lines = cells.Select((c, i) => string.IsNullOrEmpty(c) ? 1 : PdfLayout.Wrap(gfx, ArabicShaping.ForPdf(c), fonts[i], columns[i] - 4, 3).Count).ToArray();
            var height = Math.Max(18, cells.Select((_, i) => lines[i] * fonts[i].GetHeight()).Max() + 3);
            NewPageIfNeeded(height, withHeader: fill is null);
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                PdfLayout.Cell(gfx, new XRect(x, y, columns[i], height), cells[i], fonts[i], fill);
                x += columns[i];
            }

            y += height;
        }

        var plain = Enumerable.Repeat(font, columns.Length).ToArray();
        Row(headers, headerFonts, XBrushes.Gainsboro);
        foreach (var a in model.Arrivals)
        {
            Row([a.Time, a.Resource, a.Who, a.People, a.Language is { } language ? LatinNames.GetValueOrDefault(language, language) : null, "☐"], plain, null);
        }

        var bold = PdfLayout.Font(10, bold: true);
        y += 14;
        NewPageIfNeeded(16 + 18, withHeader: false);
        PdfLayout.Text(gfx, model.Labels["walkins"], bold, new XRect(Margin, y, width, 14));
        y += 16;
        for (var i = 0; i < 6; i++)
        {
            Row(["", "", "", "", "", "☐"], plain, null);
        }

        y += 14;
        NewPageIfNeeded(16 + 14, withHeader: false);
        PdfLayout.Text(gfx, model.Labels["totell"], bold, new XRect(Margin, y, width, 14));
        y += 16;
        foreach (var line in model.ToTell.DefaultIfEmpty("—"))
        {
            var lines = PdfLayout.Wrap(gfx, "☐ " + line, font, width, 3);
            NewPageIfNeeded(lines.Count * font.GetHeight(), withHeader: false);
            PdfLayout.Text(gfx, string.Join("\n", lines), font, new XRect(Margin, y, width, lines.Count * font.GetHeight() + 1));
            y += lines.Count * font.GetHeight() + 1;
        }

        gfx.Dispose();
        return PdfLayout.Save(document);
    }

    /// <summary>The largest size from <paramref name="size"/> down to 8 pt at which every word of a label fits the width (it may still wrap).</summary>
    private static XFont FittingFont(XGraphics gfx, string text, double width, double size, bool bold)
    {
        for (; size > PdfLayout.MinimumFontSize; size -= 0.5)
        {
            var font = PdfLayout.Font(size, bold);
            if (text.Split(' ').All(w => gfx.MeasureString(w, font).Width <= width))
            {
                return font;
            }
        }

        return PdfLayout.Font(PdfLayout.MinimumFontSize, bold);
    }

    public static byte[] Slip(SlipModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Code} — {model.Week}");
        var (page, gfx) = PdfLayout.NewA6Page(document);
        var width = page.Width.Point - 2 * 14;
        // Two codes side by side, each captioned: the family's opens its own sign-in, the desk's finds the household.
        var codes = model.FamilyQrContent is null ? 70 : 140;
        PdfLayout.Text(gfx, model.Code, PdfLayout.Font(22, bold: true), new XRect(14, 12, width - codes, 28));
        PdfLayout.Qr(gfx, model.QrContent, new XRect(page.Width.Point - 14 - 64, 10, 64, 64));
        PdfLayout.Text(gfx, model.DeskQrCaption ?? string.Empty, PdfLayout.Font(8), new XRect(page.Width.Point - 14 - 64, 75, 64, 22));
        if (model.FamilyQrContent is { } familyQr)
        {
            PdfLayout.Qr(gfx, familyQr, new XRect(page.Width.Point - 14 - 134, 10, 64, 64));
            PdfLayout.Text(gfx, model.FamilyQrCaption ?? string.Empty, PdfLayout.Font(8), new XRect(page.Width.Point - 14 - 134, 75, 64, 22));
        }

        // Below the codes when there are two (beside them there is no room for the titles).
        var top = model.FamilyQrContent is null ? 44.0 : 100.0;
        PdfLayout.Text(gfx, model.TitleInLanguage, PdfLayout.Font(11, bold: true), new XRect(14, top, width - (codes == 70 ? 70 : 0), 14));
        PdfLayout.Text(gfx, model.TitleInFrench + " — " + model.Week, PdfLayout.Font(8), new XRect(14, top + 16, width - (codes == 70 ? 70 : 0), 12));
        var y = top + 38;
        foreach (var line in model.Lines)
        {
            PdfLayout.Pictogram(gfx, line.Pictogram, new XRect(14, y, 26, 26));
            PdfLayout.Text(gfx, $"{line.DayInLanguage}  {line.Time}" + (line.ResourceInLanguage is { } name ? $" · {name}" : string.Empty),
                PdfLayout.Font(11, bold: true), new XRect(46, y, width - 32, 14));
            PdfLayout.Text(gfx, $"{line.DayInFrench} · {line.Resource}", PdfLayout.Font(8), new XRect(46, y + 14, width - 32, 12));
            y += 34;
        }

        PdfLayout.Text(gfx, model.Footer, PdfLayout.Font(8), new XRect(14, page.Height.Point - 30, width, 20));
        gfx.Dispose();
        return PdfLayout.Save(document);
    }

    public static byte[] PartnerSchedule(PartnerScheduleModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Partner} — {model.Month}");
        var (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
        var width = page.Width.Point - 2 * Margin;
        PdfLayout.Text(gfx, $"{model.Partner} — {model.Month}", PdfLayout.Font(14, bold: true), new XRect(Margin, Margin, width, 20));
        PdfLayout.Text(gfx, $"{model.Site} · {model.PrintedOn}", PdfLayout.Font(8), new XRect(Margin, Margin + 20, width, 12));
        var y = Margin + 40;
        var columns = new[] { 0.35, 0.2, 0.25, 0.2 };
        void Row(IReadOnlyList<string> cells, XFont font, XBrush? fill)
        {
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                PdfLayout.Cell(gfx, new XRect(x, y, columns[i] * width, 18), cells[i], font, fill);
                x += columns[i] * width;
            }

            y += 18;
        }

        var header = new[] { model.Labels["day"], model.Labels["time"], model.Labels["resource"], model.Labels["status"] };
        Row(header, PdfLayout.Font(10, bold: true), XBrushes.Gainsboro);
        foreach (var line in model.Lines)
        {
            if (y > page.Height.Point - Margin - 18)
            {
                gfx.Dispose();
                (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
                y = Margin;
                Row(header, PdfLayout.Font(10, bold: true), XBrushes.Gainsboro);
            }

            Row([line.Day, line.Time, line.Resource, line.Status], PdfLayout.Font(10), null);
        }

        gfx.Dispose();
        return PdfLayout.Save(document);
    }

    public static byte[] ImpactReport(ImpactReportModel model) => ImpactReportPdf.Render(model);

    public static string Stamp(Instant now, DateTimeZone zone) => now.InZone(zone).ToString("dd/MM/yyyy HH:mm", null);
}
