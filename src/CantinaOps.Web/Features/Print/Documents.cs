using NodaTime;
using PdfSharp;
using PdfSharp.Drawing;

namespace CantinaOps.Web.Features.Print;

public sealed record PlanRow(string Time, IReadOnlyList<string?> Cells);

public sealed record PlanDay(string Label, string? ClosedReason, IReadOnlyList<PlanRow> Rows);

/// <summary>A space's week for the wall: household codes (never names) and partner names, closures and outages marked.</summary>
public sealed record WeeklyPlanModel(string Site, string Space, string Week, string PrintedOn, IReadOnlyList<string> Resources,
    IReadOnlyList<PlanDay> Days, string FreeLabel, string OutOfServiceLabel, string ClosedLabel, string TimeLabel);

public sealed record Arrival(string Time, string Resource, string Who, string? People, string? Language);

public sealed record DaySheetModel(string Site, string Day, string PrintedOn, IReadOnlyList<Arrival> Arrivals, IReadOnlyList<string> ToTell,
    IReadOnlyDictionary<string, string> Labels);

public sealed record SlipLine(string Pictogram, string DayInLanguage, string DayInFrench, string Time, string Resource);

/// <summary>A family's week, in its language and in French, with a QR code the desk scans (an opaque token).</summary>
public sealed record SlipModel(string Code, string Week, string TitleInLanguage, string TitleInFrench, IReadOnlyList<SlipLine> Lines,
    string QrContent, string Footer);

public sealed record PartnerLine(string Day, string Time, string Resource, string Status);

public sealed record PartnerScheduleModel(string Site, string Partner, string Month, string PrintedOn, IReadOnlyList<PartnerLine> Lines,
    IReadOnlyDictionary<string, string> Labels);

/// <summary>The funders' report frame: a title, a period and sections of figures (the figures come with impact measurement).</summary>
public sealed record ImpactReportModel(string Site, string Title, string Period, IReadOnlyList<(string Heading, IReadOnlyList<(string Label, string Value)> Figures)> Sections);

/// <summary>Renders each document model to PDF with the shared layout layer.</summary>
public static class PdfDocuments
{
    private const double Margin = 24;

    public static byte[] WeeklyPlan(WeeklyPlanModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Space} — {model.Week}");
        var small = PdfLayout.Font(8);
        var bold = PdfLayout.Font(8, bold: true);
        const int perBlock = 14;
        const double rowHeight = 20;
        XGraphics? gfx = null;
        var y = double.MaxValue;
        var pageHeight = 0.0;
        var width = 0.0;
        foreach (var day in model.Days)
        {
            for (var first = 0; first < Math.Max(1, model.Resources.Count); first += perBlock)
            {
                var columns = model.Resources.Skip(first).Take(perBlock).ToList();
                var needed = rowHeight * (2 + Math.Max(1, day.Rows.Count)) + 8;
                if (gfx is null || y + needed > pageHeight - Margin)
                {
                    gfx?.Dispose();
                    var (page, graphics) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Landscape);
                    gfx = graphics;
                    (pageHeight, width) = (page.Height.Point, page.Width.Point);
                    PdfLayout.Text(gfx, $"{model.Site} — {model.Space} — {model.Week}", PdfLayout.Font(13, bold: true), new XRect(Margin, Margin - 6, width - 2 * Margin, 18));
                    PdfLayout.Text(gfx, model.PrintedOn, small, new XRect(Margin, Margin + 12, width - 2 * Margin, 12));
                    y = Margin + 28;
                }

                var timeWidth = 34.0;
                // Few resources get wide columns (up to 150 pt); many share the page, 14 to a block.
                var cellWidth = Math.Min(150, (width - 2 * Margin - timeWidth) / Math.Clamp(model.Resources.Count, 1, perBlock));
                PdfLayout.Text(gfx, day.Label + (day.ClosedReason is null ? "" : $" — {model.ClosedLabel} : {day.ClosedReason}"), PdfLayout.Font(10, bold: true),
                    new XRect(Margin, y, width - 2 * Margin, 14));
                y += 15;
                PdfLayout.Cell(gfx, new XRect(Margin, y, timeWidth, rowHeight), model.TimeLabel, bold, XBrushes.Gainsboro);
                for (var c = 0; c < columns.Count; c++)
                {
                    PdfLayout.Cell(gfx, new XRect(Margin + timeWidth + c * cellWidth, y, cellWidth, rowHeight), columns[c], bold, XBrushes.Gainsboro);
                }

                y += rowHeight;
                foreach (var row in day.Rows)
                {
                    PdfLayout.Cell(gfx, new XRect(Margin, y, timeWidth, rowHeight), row.Time, bold);
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var text = row.Cells.ElementAtOrDefault(first + c);
                        var fill = text is null ? null : text == model.OutOfServiceLabel ? XBrushes.LightGray : XBrushes.WhiteSmoke;
                        PdfLayout.Cell(gfx, new XRect(Margin + timeWidth + c * cellWidth, y, cellWidth, rowHeight), text, small, fill);
                    }

                    y += rowHeight;
                }

                y += 8;
            }
        }

        gfx?.Dispose();
        return PdfLayout.Save(document);
    }

    public static byte[] DaySheet(DaySheetModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Site} — {model.Day}");
        var (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
        var width = page.Width.Point - 2 * Margin;
        var font = PdfLayout.Font(10);
        var bold = PdfLayout.Font(10, bold: true);
        PdfLayout.Text(gfx, $"{model.Site} — {model.Labels["title"]} — {model.Day}", PdfLayout.Font(14, bold: true), new XRect(Margin, Margin, width, 20));
        PdfLayout.Text(gfx, model.PrintedOn, PdfLayout.Font(8), new XRect(Margin, Margin + 20, width, 12));
        var columns = new[] { 0.1, 0.22, 0.3, 0.1, 0.16, 0.12 };
        var headers = new[] { model.Labels["time"], model.Labels["resource"], model.Labels["household"], model.Labels["people"], model.Labels["language"], model.Labels["arrived"] };
        var y = Margin + 40;
        void Row(IReadOnlyList<string?> cells, XFont f, XBrush? fill)
        {
            var x = Margin;
            for (var i = 0; i < columns.Length; i++)
            {
                var w = columns[i] * width;
                PdfLayout.Cell(gfx, new XRect(x, y, w, 18), cells[i], f, fill);
                x += w;
            }

            y += 18;
        }

        Row(headers, bold, XBrushes.Gainsboro);
        foreach (var a in model.Arrivals)
        {
            if (y > page.Height.Point - 200)
            {
                gfx.Dispose();
                (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
                y = Margin;
                Row(headers, bold, XBrushes.Gainsboro);
            }

            Row([a.Time, a.Resource, a.Who, a.People, a.Language, "☐"], font, null);
        }

        y += 14;
        PdfLayout.Text(gfx, model.Labels["walkins"], bold, new XRect(Margin, y, width, 14));
        y += 16;
        for (var i = 0; i < 6; i++)
        {
            Row(["", "", "", "", "", "☐"], font, null);
        }

        y += 14;
        PdfLayout.Text(gfx, model.Labels["totell"], bold, new XRect(Margin, y, width, 14));
        y += 16;
        foreach (var line in model.ToTell.DefaultIfEmpty("—"))
        {
            PdfLayout.Text(gfx, "☐ " + line, font, new XRect(Margin, y, width, 14));
            y += 14;
        }

        gfx.Dispose();
        return PdfLayout.Save(document);
    }

    public static byte[] Slip(SlipModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Code} — {model.Week}");
        var (page, gfx) = PdfLayout.NewA6Page(document);
        var width = page.Width.Point - 2 * 14;
        PdfLayout.Text(gfx, model.Code, PdfLayout.Font(22, bold: true), new XRect(14, 12, width - 70, 28));
        PdfLayout.Qr(gfx, model.QrContent, new XRect(page.Width.Point - 14 - 64, 10, 64, 64));
        PdfLayout.Text(gfx, model.TitleInLanguage, PdfLayout.Font(11, bold: true), new XRect(14, 44, width - 70, 14));
        PdfLayout.Text(gfx, model.TitleInFrench + " — " + model.Week, PdfLayout.Font(8), new XRect(14, 60, width - 70, 12));
        var y = 82.0;
        foreach (var line in model.Lines)
        {
            PdfLayout.Pictogram(gfx, line.Pictogram, new XRect(14, y, 26, 26));
            PdfLayout.Text(gfx, $"{line.DayInLanguage}  {line.Time}", PdfLayout.Font(11, bold: true), new XRect(46, y, width - 32, 14));
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

    /// <summary>The impact report's frame; the figures are filled in by the impact measurement.</summary>
    public static byte[] ImpactReport(ImpactReportModel model)
    {
        var document = PdfLayout.NewDocument(model.Title);
        var (page, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
        var width = page.Width.Point - 2 * Margin;
        PdfLayout.Text(gfx, model.Title, PdfLayout.Font(16, bold: true), new XRect(Margin, Margin, width, 22));
        PdfLayout.Text(gfx, $"{model.Site} · {model.Period}", PdfLayout.Font(10), new XRect(Margin, Margin + 24, width, 14));
        var y = Margin + 50;
        foreach (var (heading, figures) in model.Sections)
        {
            PdfLayout.Text(gfx, heading, PdfLayout.Font(12, bold: true), new XRect(Margin, y, width, 16));
            y += 18;
            foreach (var (label, value) in figures)
            {
                PdfLayout.Cell(gfx, new XRect(Margin, y, width * 0.7, 16), label, PdfLayout.Font(10));
                PdfLayout.Cell(gfx, new XRect(Margin + width * 0.7, y, width * 0.3, 16), value, PdfLayout.Font(10, bold: true));
                y += 16;
            }

            y += 10;
        }

        gfx.Dispose();
        return PdfLayout.Save(document);
    }

    public static string Stamp(Instant now, DateTimeZone zone) => now.InZone(zone).ToString("dd/MM/yyyy HH:mm", null);
}
