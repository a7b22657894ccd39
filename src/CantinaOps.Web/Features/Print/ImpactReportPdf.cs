using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CantinaOps.Web.Features.Print;

/// <summary>A bar chart's data: one group per period, one bar per series (its values printed under the chart).</summary>
public sealed record ReportChart(string Title, IReadOnlyList<string> Series, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> Groups);

/// <summary>A table of the report: its widths are shares of the line (they add up to 1).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A titled block of paragraphs: definitions, notes, the forecast's method, the coordinator's own words.</summary>
public sealed record ReportText(string Title, IReadOnlyList<string> Paragraphs);

/// <summary>What the impact report prints, in order: everything already in the reader's language and with small cells suppressed.</summary>
public sealed record ImpactReportModel(string Title, string Subtitle, string PrintedOn, bool RightToLeft, IReadOnlyList<object> Blocks);

/// <summary>
/// The impact report as A4 portrait pages that flow: a block that does not fit goes on, or starts, the next
/// page; a table repeats its header there. Charts are vectors, so they print sharp in black and white (the
/// two series differ by fill and by hatching, not only by colour).
/// </summary>
public static class ImpactReportPdf
{
    private const double Margin = 42;

    public static byte[] Render(ImpactReportModel model)
    {
        var document = PdfLayout.NewDocument(model.Title);
        var flow = new Flow(document, model.RightToLeft, model.PrintedOn);
        flow.Line(model.Title, PdfLayout.Font(18, bold: true));
        flow.Line(model.Subtitle, PdfLayout.Font(11));
        flow.Space(10);
        foreach (var block in model.Blocks)
        {
            switch (block)
            {
                case ReportTable table:
                    flow.Table(table);
                    break;
                case ReportChart chart:
                    flow.Chart(chart);
                    break;
                case ReportText text:
                    flow.Heading(text.Title);
                    foreach (var paragraph in text.Paragraphs)
                    {
                        flow.Paragraph(paragraph, PdfLayout.Font(10));
                    }

                    break;
            }

            flow.Space(12);
        }

        flow.Finish();
        return PdfLayout.Save(document);
    }

    private sealed class Flow(PdfDocument document, bool rtl, string printedOn)
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;
        private int _pages;

        private XGraphics Gfx => _gfx ?? NewPage();
        private double Width => _page!.Width.Point - 2 * Margin;
        private double Bottom => _page!.Height.Point - Margin - 16;

        private XGraphics NewPage()
        {
            Footer();
            _gfx?.Dispose();
            (_page, _gfx) = PdfLayout.NewPage(document, PageSize.A4, PageOrientation.Portrait);
            _pages++;
            _y = Margin;
            return _gfx;
        }

        /// <summary>Room for <paramref name="height"/> points, on a new page if need be.</summary>
        private XGraphics Room(double height)
        {
            var gfx = Gfx;
            return _y + height <= Bottom ? gfx : NewPage();
        }

        public void Space(double height) => _y += height;

        public void Finish()
        {
            Footer();
            _gfx?.Dispose();
        }

        private void Footer()
        {
            if (_gfx is null)
            {
                return;
            }

            var font = PdfLayout.Font(8);
            PdfLayout.Text(_gfx, $"{printedOn} · {_pages}", font, new XRect(Margin, _page!.Height.Point - Margin, Width, 12), XBrushes.DimGray);
        }

        public void Line(string text, XFont font)
        {
            var gfx = Room(font.GetHeight());
            Draw(gfx, ArabicShaping.ForPdf(text), font, Margin, Width, XBrushes.Black);
            _y += font.GetHeight() + 2;
        }

        public void Heading(string text)
        {
            var font = PdfLayout.Font(13, bold: true);
            // A heading never ends a page alone: it takes its first lines with it.
            Room(font.GetHeight() + 40);
            Line(text, font);
            _gfx!.DrawLine(new XPen(XColors.Black, 0.8), Margin, _y, Margin + Width, _y);
            _y += 4;
        }

        public void Paragraph(string text, XFont font)
        {
            var lines = PdfLayout.Wrap(Gfx, ArabicShaping.ForPdf(text), font, Width, int.MaxValue);
            foreach (var line in lines)
            {
                var gfx = Room(font.GetHeight());
                Draw(gfx, line, font, Margin, Width, XBrushes.Black);
                _y += font.GetHeight();
            }

            _y += 4;
        }

        public void Table(ReportTable table)
        {
            Heading(table.Title);
            var (head, body) = (PdfLayout.Font(9, bold: true), PdfLayout.Font(9));
            var widths = table.Widths.Select(w => w * Width).ToArray();
            double RowHeight(IReadOnlyList<string> cells, XFont font) => cells.Select((c, i) =>
                PdfLayout.Wrap(Gfx, ArabicShaping.ForPdf(c), font, widths[i] - 6, int.MaxValue).Count).DefaultIfEmpty(1).Max() * font.GetHeight() + 4;

            void Row(IReadOnlyList<string> cells, XFont font, XBrush? fill)
            {
                var height = RowHeight(cells, font);
                var gfx = Room(height);
                var x = rtl ? Margin + Width : Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var left = rtl ? x - widths[i] : x;
                    var box = new XRect(left, _y, widths[i], height);
                    if (fill is not null)
                    {
                        gfx.DrawRectangle(fill, box);
                    }

                    gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
                    var lines = PdfLayout.Wrap(gfx, ArabicShaping.ForPdf(cells[i]), font, widths[i] - 6, int.MaxValue);
                    for (var l = 0; l < lines.Count; l++)
                    {
                        // Numbers line up on the right in any language, words on the reading side.
                        var number = i > 0 && IsNumber(cells[i]);
                        DrawAligned(gfx, lines[l], font, left + 3, widths[i] - 6, _y + 2 + l * font.GetHeight(), number || rtl);
                    }

                    x = rtl ? left : x + widths[i];
                }

                _y += height;
            }

            Row(table.Columns, head, XBrushes.Gainsboro);
            foreach (var row in table.Rows)
            {
                if (_y + RowHeight(row, body) > Bottom)
                {
                    NewPage();
                    Row(table.Columns, head, XBrushes.Gainsboro);
                }

                Row(row, body, null);
            }
        }

        public void Chart(ReportChart chart)
        {
            Heading(chart.Title);
            const double height = 150;
            var gfx = Room(height + 40);
            var top = _y;
            var max = Math.Max(1, chart.Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());
            var groupWidth = Width / Math.Max(1, chart.Groups.Count);
            var barWidth = Math.Min(18, (groupWidth - 6) / Math.Max(1, chart.Series.Count));
            var label = PdfLayout.Font(8);
            for (var g = 0; g < chart.Groups.Count; g++)
            {
                // Right to left, the first period sits on the right.
                var slot = rtl ? chart.Groups.Count - 1 - g : g;
                var left = Margin + slot * groupWidth + 3;
                for (var s = 0; s < chart.Groups[g].Values.Count; s++)
                {
                    var value = chart.Groups[g].Values[s];
                    var bar = new XRect(left + s * barWidth, top + height - (height * value / max), barWidth - 2, height * value / max);
                    if (s % 2 == 0)
                    {
                        gfx.DrawRectangle(XBrushes.Black, bar);
                    }
                    else
                    {
                        gfx.DrawRectangle(new XPen(XColors.Black, 0.8), bar);
                        PdfLayout.Hatch(gfx, bar, new XPen(XColors.Black, 0.5), 3);
                    }
                }

                PdfLayout.Text(gfx, chart.Groups[g].Label, label, new XRect(left, top + height + 2, groupWidth - 4, 12));
            }

            gfx.DrawLine(new XPen(XColors.Black, 0.8), Margin, top + height, Margin + Width, top + height);
            _y = top + height + 16;
            // The legend: a filled and a hatched square, each with its series' name.
            var x = Margin;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var swatch = new XRect(x, _y + 2, 9, 9);
                if (s % 2 == 0)
                {
                    gfx.DrawRectangle(XBrushes.Black, swatch);
                }
                else
                {
                    gfx.DrawRectangle(new XPen(XColors.Black, 0.8), swatch);
                    PdfLayout.Hatch(gfx, swatch, new XPen(XColors.Black, 0.5), 3);
                }

                var name = ArabicShaping.ForPdf(chart.Series[s]);
                gfx.DrawString(name, label, XBrushes.Black, new XPoint(x + 12, _y + 10));
                x += 24 + gfx.MeasureString(name, label).Width;
            }

            _y += 16;
        }

        private void Draw(XGraphics gfx, string line, XFont font, double left, double width, XBrush brush) =>
            DrawAligned(gfx, line, font, left, width, _y, rtl, brush);

        private static void DrawAligned(XGraphics gfx, string line, XFont font, double left, double width, double top, bool right, XBrush? brush = null)
        {
            var x = right ? left + width - gfx.MeasureString(line, font).Width : left;
            gfx.DrawString(line, font, brush ?? XBrushes.Black, new XPoint(x, top + font.GetHeight() * 0.8));
        }

        private static bool IsNumber(string text) => text.Length > 0 && text.All(c => char.IsDigit(c) || c is ' ' or '\u202F' or '\u00A0' or ',' or '.' or '%' or '-' or '<');
    }
}
