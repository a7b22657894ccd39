using PdfSharp;
using PdfSharp.Drawing;

namespace CantinaOps.Web.Features.Print;

/// <summary>
/// The weekly plan as the wall needs it: time runs down the page on one axis shared by every day, each day
/// is a band of one column per resource, and every cell is drawn from its own start to its own end — a
/// 07:30–13:00 block covers the 08:00 to 12:00 rows as one box. Booked time is a dark box with white
/// text and stripes, a pending request is hatched, an out-of-service cell is cross-hatched and names the
/// bookings still to move, a closed day is hatched with its reason and the blocks it displaces. No text
/// is smaller than <see cref="PdfLayout.WallFontSize"/>; as many days share an A4 landscape page as keep
/// every code on one line.
/// </summary>
public static class WeeklyPlanPdf
{
    private const double Margin = 18;
    private const double MinimumRowHeight = 18;
    private const double MaximumRowHeight = 56;
    private const double MaximumColumnWidth = 200;
    private const double Padding = 2;

    /// <summary>A cell's text is this much narrower than its column (border and padding on each side).</summary>
    private const double CellInset = 2 + 2 * Padding;

    private static readonly XColor Ink = XColor.FromArgb(25, 25, 25);
    private static readonly XPen Grid = new(XColor.FromArgb(120, 120, 120), 0.6);
    private static readonly XPen Gap = new(XColors.Black, 2);
    private static readonly XPen BookedStripes = new(XColor.FromArgb(85, 85, 85), 1.2);
    private static readonly XPen PendingHatch = new(XColor.FromArgb(60, 60, 60), 1.1);
    private static readonly XPen OutOfServiceHatch = new(XColor.FromArgb(90, 90, 90), 0.9);
    private static readonly XPen ClosedHatch = new(XColor.FromArgb(150, 150, 150), 1);

    public static byte[] Render(WeeklyPlanModel model)
    {
        var document = PdfLayout.NewDocument($"{model.Space} — {model.Week}");
        var text = PdfLayout.Font(PdfLayout.WallFontSize);
        var bold = PdfLayout.Font(PdfLayout.WallFontSize, bold: true);
        var blockFont = PdfLayout.Font(14, bold: true);
        var dayFont = PdfLayout.Font(13, bold: true);
        var (pageWidth, pageHeight) = (XUnit.FromMillimeter(297).Point, XUnit.FromMillimeter(210).Point);

        using var measure = XGraphics.CreateMeasureContext(new XSize(pageWidth, pageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var timeWidth = measure.MeasureString("00:00", bold).Width + 2 * Padding + 2;
        var width = pageWidth - 2 * Margin - timeWidth;
        var resources = Math.Max(1, model.Resources.Count);
        // A column is as wide as its widest unbreakable word: codes stay whole, names wrap.
        // Out-of-service notes are in the regular face, the rest in bold.
        // Codes (K7M-42) stay whole; a machine's name may break after its hyphen (Lave- / linge 3).
        var words = model.Resources.SelectMany(r => r.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Select(w => measure.MeasureString(w + "-", bold).Width)
            .Concat(model.Days.SelectMany(d => d.Cells).Where(c => c.Text is not null)
                .SelectMany(c => c.Text!.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => measure.MeasureString(w, FontOf(c, text, bold)).Width)));
        var minimumColumn = Math.Max(40, words.DefaultIfEmpty(0).Max() + CellInset + 1);
        minimumColumn = Math.Min(minimumColumn, width);
        var columnsPerPage = Math.Max(1, (int)Math.Floor(width / minimumColumn));
        var resourceChunk = Math.Min(resources, columnsPerPage);
        var daysPerPage = Math.Max(1, columnsPerPage / resourceChunk);
        var days = Math.Max(1, model.Days.Count);
        var dayPages = (int)Math.Ceiling(days / (double)daysPerPage);
        daysPerPage = (int)Math.Ceiling(days / (double)dayPages); // balance: 3 + 3 rather than 4 + 2
        var columnWidth = Math.Min(MaximumColumnWidth, width / (daysPerPage * resourceChunk));

        var headerLines = model.Resources.Select(r => PdfLayout.Wrap(measure, r, bold, columnWidth - 2 * Padding, 3).Count).DefaultIfEmpty(1).Max();
        var dayLines = model.Days.Select(d => PdfLayout.Wrap(measure, d.Label, dayFont, resourceChunk * columnWidth - 2 * Padding, 2).Count)
            .DefaultIfEmpty(1).Max();
        var dayHeight = dayLines * dayFont.GetHeight() + 3;
        var headerHeight = dayHeight + headerLines * bold.GetHeight() + 4;
        var top = Margin + 40;
        var legendHeight = 22;
        var gridHeight = pageHeight - top - Margin - legendHeight - headerHeight;
        var rowChunks = RowPages(model, measure, text, bold, columnWidth, gridHeight);
        foreach (var dayGroup in model.Days.DefaultIfEmpty().Chunk(daysPerPage))
        {
            for (var firstResource = 0; firstResource < resources; firstResource += resourceChunk)
            {
                foreach (var rows in rowChunks)
                {
                    var (_, gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Landscape);
                    using (gfx)
                    {
                        var page = PageGrid.Fill(rows, top + headerHeight, gridHeight);
                        Heading(gfx, model, pageWidth, text);
                        TimeAxis(gfx, page, timeWidth, bold);
                        for (var d = 0; d < dayGroup.Length; d++)
                        {
                            if (dayGroup[d] is not { } day)
                            {
                                continue;
                            }

                            var left = Margin + timeWidth + d * resourceChunk * columnWidth;
                            var count = Math.Min(resourceChunk, resources - firstResource);
                            var band = new XRect(left, top, count * columnWidth, page.Bottom - top);
                            DayBand(gfx, model, day, band, dayHeight, page, firstResource, count, columnWidth, (text, bold, blockFont, dayFont));
                        }

                        Legend(gfx, model.Labels, new XRect(Margin, pageHeight - Margin - legendHeight + 4, pageWidth - 2 * Margin, legendHeight - 4), text);
                    }
                }
            }
        }

        return PdfLayout.Save(document);
    }

    /// <summary>
    /// The rows of each page: a row is as tall as the text of the one-row cells starting in it needs (a code, or
    /// "Hors service — H-0123 à déplacer" on four lines), at least <see cref="MinimumRowHeight"/>; rows go
    /// to the next page when the grid is full.
    /// </summary>
    private static XFont FontOf(PlanCell cell, XFont text, XFont bold) => cell.Kind == PlanCellKind.OutOfService ? text : bold;

    private static List<List<(PlanRow Row, double Need)>> RowPages(WeeklyPlanModel model, XGraphics measure, XFont text, XFont bold, double columnWidth,
        double gridHeight)
    {
        var pages = new List<List<(PlanRow Row, double Need)>> { new() };
        var used = 0.0;
        foreach (var row in model.Rows)
        {
            var need = model.Days.SelectMany(d => d.Cells).Where(c => c.From >= row.From && c.From < row.To && c.To <= row.To && c.Text is not null)
                .Select(c => PdfLayout.Wrap(measure, c.Text!, FontOf(c, text, bold), columnWidth - CellInset, 8).Count * bold.GetHeight() + CellInset + 2)
                .Append(MinimumRowHeight).Max();
            if (used + need > gridHeight && pages[^1].Count > 0)
            {
                pages.Add([]);
                used = 0;
            }

            pages[^1].Add((row, need));
            used += need;
        }

        return pages;
    }

    /// <summary>Where a time of day falls on a page; a time between two rows (a lunch break) is the next row's top.</summary>
    private sealed class PageGrid(IReadOnlyList<PlanRow> rows, IReadOnlyList<double> tops, double bottom)
    {
        public IReadOnlyList<PlanRow> Rows { get; } = rows;
        public double Top => tops.Count > 0 ? tops[0] : Bottom;
        public double Bottom => bottom;

        public double RowTop(int i) => tops[i];

        public double RowHeight(int i) => (i + 1 < tops.Count ? tops[i + 1] : Bottom) - tops[i];

        /// <summary>Rows get what they need, and the height left over is shared so the grid fills the page (up to a limit per row).</summary>
        public static PageGrid Fill(List<(PlanRow Row, double Need)> rows, double top, double height)
        {
            var spare = rows.Count == 0 ? 0 : Math.Max(0, (height - rows.Sum(r => r.Need)) / rows.Count);
            var tops = new List<double>();
            var y = top;
            foreach (var (_, need) in rows)
            {
                tops.Add(y);
                y += Math.Max(need, Math.Min(need + spare, MaximumRowHeight));
            }

            return new PageGrid(rows.Select(r => r.Row).ToList(), tops, y);
        }

        public double Y(int minute)
        {
            for (var i = 0; i < Rows.Count; i++)
            {
                var row = Rows[i];
                if (minute < row.From)
                {
                    return RowTop(i);
                }

                if (minute <= row.To)
                {
                    return RowTop(i) + (minute - row.From) / (double)(row.To - row.From) * RowHeight(i);
                }
            }

            return Bottom;
        }
    }

    private static void Heading(XGraphics gfx, WeeklyPlanModel model, double pageWidth, XFont text)
    {
        var title = $"{model.Site} — {model.Space} — {model.Week}";
        var stampWidth = gfx.MeasureString(model.PrintedOn, text).Width;
        PdfLayout.Text(gfx, title, PdfLayout.Font(16, bold: true), new XRect(Margin, Margin, pageWidth - 2 * Margin - stampWidth - 12, 38));
        PdfLayout.Text(gfx, model.PrintedOn, text, new XRect(pageWidth - Margin - stampWidth, Margin + 2, stampWidth + 1, 16));
    }

    private static void TimeAxis(XGraphics gfx, PageGrid page, double timeWidth, XFont bold)
    {
        for (var i = 0; i < page.Rows.Count; i++)
        {
            var y = page.RowTop(i);
            PdfLayout.Text(gfx, page.Rows[i].Label, bold, new XRect(Margin + Padding, y + 1 + Padding, timeWidth - 2 * Padding, page.RowHeight(i) - 1 - Padding));
            gfx.DrawLine(i > 0 && page.Rows[i - 1].To != page.Rows[i].From ? Gap : Grid, Margin, y, Margin + timeWidth, y);
        }

        gfx.DrawLine(Grid, Margin, page.Bottom, Margin + timeWidth, page.Bottom);
    }

    private static void DayBand(XGraphics gfx, WeeklyPlanModel model, PlanDay day, XRect band, double dayHeight, PageGrid page, int firstResource, int count,
        double columnWidth, (XFont Text, XFont Bold, XFont Block, XFont Day) fonts)
    {
        var dayHeader = new XRect(band.X, band.Y, band.Width, dayHeight);
        gfx.DrawRectangle(XBrushes.Black, dayHeader);
        PdfLayout.Text(gfx, day.Label, fonts.Day, new XRect(dayHeader.X + Padding, dayHeader.Y + 1, dayHeader.Width - 2 * Padding, dayHeight - 1), XBrushes.White, center: true);
        for (var c = 0; c < count; c++)
        {
            var header = new XRect(band.X + c * columnWidth, band.Y + dayHeight, columnWidth, page.Top - band.Y - dayHeight);
            PdfLayout.Cell(gfx, header, null, fonts.Bold, XBrushes.Gainsboro);
            PdfLayout.Text(gfx, model.Resources[firstResource + c], fonts.Bold, new XRect(header.X + Padding, header.Y + 2, header.Width - 2 * Padding, header.Height - 2),
                center: true);
        }

        var grid = new XRect(band.X, page.Top, band.Width, page.Bottom - page.Top);
        if (day.ClosedReason is not null)
        {
            Closed(gfx, model.Labels, day, grid, fonts);
        }
        else
        {
            for (var i = 0; i < page.Rows.Count; i++)
            {
                var y = page.RowTop(i);
                gfx.DrawLine(i > 0 && page.Rows[i - 1].To != page.Rows[i].From ? Gap : Grid, grid.Left, y, grid.Right, y);
            }

            foreach (var cell in day.Cells.Where(c => c.Resource >= firstResource && c.Resource < firstResource + count))
            {
                var (y1, y2) = (page.Y(cell.From), page.Y(cell.To));
                if (y2 - y1 < 1)
                {
                    continue; // not on this page's rows
                }

                Cell(gfx, cell, new XRect(band.X + (cell.Resource - firstResource) * columnWidth, y1, columnWidth, y2 - y1), fonts);
            }
        }

        gfx.DrawRectangle(new XPen(XColors.Black, 1.2), new XRect(band.X, band.Y, band.Width, page.Bottom - band.Y));
    }

    private static void Cell(XGraphics gfx, PlanCell cell, XRect box, (XFont Text, XFont Bold, XFont Block, XFont Day) fonts)
    {
        var inner = new XRect(box.X + 1, box.Y + 1, box.Width - 2, box.Height - 2);
        // A tall cell (a block) gets a larger face, as long as no word must then be cut.
        var font = box.Height >= 3 * fonts.Block.GetHeight()
            && (cell.Text ?? "").Split([' ', '\n']).All(w => gfx.MeasureString(w, fonts.Block).Width <= box.Width - CellInset)
            ? fonts.Block
            : fonts.Bold;
        switch (cell.Kind)
        {
            case PlanCellKind.Free:
                gfx.DrawRectangle(Grid, box);
                return;
            case PlanCellKind.Booked:
                gfx.DrawRectangle(new XSolidBrush(Ink), inner);
                PdfLayout.HatchShared(gfx, inner, BookedStripes, 7);
                Label(gfx, cell.Text, font, inner, new XSolidBrush(Ink), XBrushes.White);
                break;
            case PlanCellKind.Pending:
                gfx.DrawRectangle(XBrushes.White, inner);
                PdfLayout.HatchShared(gfx, inner, PendingHatch, 5);
                gfx.DrawRectangle(new XPen(XColors.Black, 2) { DashStyle = XDashStyle.Dash }, inner);
                Label(gfx, cell.Text, font, inner, XBrushes.White, XBrushes.Black);
                break;
            case PlanCellKind.OutOfService:
                gfx.DrawRectangle(XBrushes.LightGray, inner);
                PdfLayout.HatchShared(gfx, inner, OutOfServiceHatch, 6, crossed: true);
                Label(gfx, cell.Text, fonts.Text, inner, XBrushes.White, XBrushes.Black);
                break;
        }

        gfx.DrawRectangle(new XPen(XColors.Black, 1), box);
    }

    /// <summary>Text on a solid band of its own inside a patterned cell, so the pattern never crosses a letter.</summary>
    private static void Label(XGraphics gfx, string? text, XFont font, XRect cell, XBrush background, XBrush ink)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var box = new XRect(cell.X + Padding, cell.Y + Padding, cell.Width - 2 * Padding, Math.Max(font.GetHeight(), cell.Height - 2 * Padding));
        var lines = PdfLayout.Wrap(gfx, text, font, box.Width, Math.Max(1, (int)Math.Floor(box.Height / font.GetHeight())));
        var height = Math.Min(box.Height, lines.Count * font.GetHeight() + 2);
        gfx.DrawRectangle(background, new XRect(box.X - 1, box.Y - 1, box.Width + 2, height));
        PdfLayout.Text(gfx, string.Join("\n", lines), font, new XRect(box.X, box.Y, box.Width, height), ink);
    }

    private static void Closed(XGraphics gfx, PlanLabels labels, PlanDay day, XRect grid, (XFont Text, XFont Bold, XFont Block, XFont Day) fonts)
    {
        gfx.DrawRectangle(XBrushes.WhiteSmoke, grid);
        PdfLayout.Hatch(gfx, grid, ClosedHatch, 9);
        var lines = new List<(string Text, XFont Font)> { ($"{labels.Closed} : {day.ClosedReason}", fonts.Block) };
        if (day.Displaced.Count > 0)
        {
            lines.Add((labels.Displaced, fonts.Bold));
            lines.AddRange(day.Displaced.Select(d => (d, fonts.Text)));
        }

        var box = new XRect(grid.X + 2 * Padding, grid.Y + 2 * Padding, grid.Width - 4 * Padding, grid.Height - 4 * Padding);
        var wrapped = lines.SelectMany(l => PdfLayout.Wrap(gfx, l.Text, l.Font, box.Width - 2 * Padding, 99).Select(w => (Text: w, l.Font))).ToList();
        var height = wrapped.Sum(w => w.Font.GetHeight()) + 2 * Padding;
        gfx.DrawRectangle(XBrushes.White, new XRect(box.X, box.Y, box.Width, Math.Min(height, box.Height)));
        gfx.DrawRectangle(new XPen(XColors.Black, 1.2), new XRect(box.X, box.Y, box.Width, Math.Min(height, box.Height)));
        var y = box.Y + Padding;
        foreach (var (line, font) in wrapped)
        {
            if (y + font.GetHeight() > box.Bottom)
            {
                break;
            }

            PdfLayout.Text(gfx, line, font, new XRect(box.X + Padding, y, box.Width - 2 * Padding, font.GetHeight()));
            y += font.GetHeight();
        }
    }

    private static void Legend(XGraphics gfx, PlanLabels labels, XRect box, XFont text)
    {
        var x = box.X;
        void Key(string label, Action<XRect> swatch)
        {
            var sample = new XRect(x, box.Y + 2, 26, 14);
            swatch(sample);
            gfx.DrawRectangle(new XPen(XColors.Black, 1), sample);
            var w = gfx.MeasureString(label, text).Width;
            PdfLayout.Text(gfx, label, text, new XRect(x + 30, box.Y + 1, w + 1, 16));
            x += 30 + w + 18;
        }

        Key(labels.Booked, r =>
        {
            gfx.DrawRectangle(new XSolidBrush(Ink), r);
            PdfLayout.Hatch(gfx, r, BookedStripes, 7);
        });
        Key(labels.Pending, r => PdfLayout.Hatch(gfx, r, PendingHatch, 5));
        Key(labels.OutOfService, r =>
        {
            gfx.DrawRectangle(XBrushes.LightGray, r);
            PdfLayout.Hatch(gfx, r, OutOfServiceHatch, 6, crossed: true);
        });
        Key(labels.Closed, r => PdfLayout.Hatch(gfx, r, ClosedHatch, 9));
        Key(labels.Free, _ => { });
    }
}
