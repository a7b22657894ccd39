using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace CantinaOps.Web.Features.Print;

/// <summary>
/// The small layout layer every printed document shares: pages, fonts, wrapped text that never overflows
/// a cell silently (it ends with "…"), table cells, pictograms and QR codes drawn as vectors.
/// </summary>
public static class PdfLayout
{
    public const string Family = "CantinaOps Sans";

    /// <summary>Below this size nothing is printed (day sheet, slips); the wall plan keeps to <see cref="WallFontSize"/>.</summary>
    public const double MinimumFontSize = 8;

    /// <summary>The smallest text on a wall plan: read at 2 m.</summary>
    public const double WallFontSize = 12;

    // Subsets: a document carries only the glyphs it draws. The shipped fonts have no composite glyph built
    // from another composite (assets/fonts/flatten-nested-composites.py), which PDFsharp's subsetter needs.
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    static PdfLayout()
    {
        // The fonts ship in assets/fonts and are read from there, never from the system.
        GlobalFontSettings.FontResolver ??= new AssetFontResolver();
    }

    public static XFont Font(double size, bool bold = false) =>
        new(Family, Math.Max(size, MinimumFontSize), bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Embedded);

    public static PdfDocument NewDocument(string title)
    {
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "CantinaOps";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        return document;
    }

    public static (PdfPage Page, XGraphics Graphics) NewPage(PdfDocument document, PageSize size, PageOrientation orientation)
    {
        var page = document.AddPage();
        page.Size = size;
        page.Orientation = orientation;
        return (page, XGraphics.FromPdfPage(page));
    }

    /// <summary>An A6 page (105 × 148 mm), the size of a slip that fits a pocket.</summary>
    public static (PdfPage Page, XGraphics Graphics) NewA6Page(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(105);
        page.Height = XUnit.FromMillimeter(148);
        return (page, XGraphics.FromPdfPage(page));
    }

    public static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Draws text wrapped in a box, at most as many lines as fit; a cut is marked with "…".</summary>
    public static void Text(XGraphics gfx, string text, XFont font, XRect box, XBrush? brush = null, bool center = false)
    {
        text = ArabicShaping.ForPdf(text);
        var lineHeight = font.GetHeight();
        var maxLines = Math.Max(1, (int)Math.Floor(box.Height / lineHeight));
        var lines = Wrap(gfx, text, font, box.Width, maxLines);
        var y = box.Top;
        foreach (var line in lines)
        {
            var x = center ? box.Left + ((box.Width - gfx.MeasureString(line, font).Width) / 2) : box.Left;
            gfx.DrawString(line, font, brush ?? XBrushes.Black, new XPoint(x, y + (lineHeight * 0.8)));
            y += lineHeight;
        }
    }

    /// <summary>
    /// Lines of at most <paramref name="width"/>: paragraphs split at "\n", words at spaces, and a word too wide
    /// for a line after its hyphens ("Sèche-" / "linge 3"); what is left over is cut with "…".
    /// </summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = string.Empty;
            foreach (var (piece, spaced) in Pieces(gfx, paragraph, font, width))
            {
                var candidate = current.Length == 0 ? piece : current + (spaced ? " " : "") + piece;
                if (current.Length == 0 || gfx.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }

                lines.Add(current);
                current = piece;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }
        }

        lines = lines.Select(l => Shorten(gfx, l, font, width)).ToList();
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Shorten(gfx, lines[^1] + "…", font, width, force: true);
        }

        return lines;
    }

    /// <summary>The words of a paragraph; one wider than the line is cut after its hyphens (the pieces after the first follow without a space).</summary>
    private static IEnumerable<(string Piece, bool Spaced)> Pieces(XGraphics gfx, string paragraph, XFont font, double width)
    {
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Contains('-', StringComparison.Ordinal) || Fits(gfx, word, font, width))
            {
                yield return (word, true);
                continue;
            }

            var parts = word.Split('-');
            for (var i = 0; i < parts.Length; i++)
            {
                var part = i < parts.Length - 1 ? parts[i] + "-" : parts[i];
                if (part.Length > 0)
                {
                    yield return (part, i == 0);
                }
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PdfDocument, Dictionary<(double, double, XPen, double, bool), XForm>> Patterns = new();

    /// <summary>
    /// <see cref="Hatch"/> drawn once per document for each size of box, and placed again wherever a box of that size
    /// is: a wall plan has thousands of booked cells of a few sizes, and drawing each cell's dozen lines anew was a
    /// quarter of a plan's time and most of its bytes. The page looks the same.
    /// </summary>
    public static void HatchShared(XGraphics gfx, XRect box, XPen pen, double spacing, bool crossed = false)
    {
        if (gfx.PdfPage?.Owner is not { } document)
        {
            Hatch(gfx, box, pen, spacing, crossed);
            return;
        }

        var forms = Patterns.GetOrCreateValue(document);
        var key = (Math.Round(box.Width, 2), Math.Round(box.Height, 2), pen, spacing, crossed);
        if (!forms.TryGetValue(key, out var form))
        {
            form = new XForm(document, XUnit.FromPoint(key.Item1), XUnit.FromPoint(key.Item2));
            using (var pattern = XGraphics.FromForm(form))
            {
                Hatch(pattern, new XRect(0, 0, key.Item1, key.Item2), pen, spacing, crossed);
            }

            forms[key] = form;
        }

        gfx.DrawImage(form, box.X, box.Y, key.Item1, key.Item2);
    }

    /// <summary>Parallel lines across a box, one way or both: a pattern that tells cells apart in black and white.</summary>
    public static void Hatch(XGraphics gfx, XRect box, XPen pen, double spacing, bool crossed = false)
    {
        var state = gfx.Save();
        gfx.IntersectClip(box);
        for (var d = -box.Height; d < box.Width; d += spacing)
        {
            gfx.DrawLine(pen, box.Left + d, box.Bottom, box.Left + d + box.Height, box.Top);
            if (crossed)
            {
                gfx.DrawLine(pen, box.Left + d, box.Top, box.Left + d + box.Height, box.Bottom);
            }
        }

        gfx.Restore(state);
    }

    public static void Cell(XGraphics gfx, XRect box, string? text, XFont font, XBrush? fill = null, bool center = false)
    {
        if (fill is not null)
        {
            gfx.DrawRectangle(fill, box);
        }

        gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
        if (!string.IsNullOrEmpty(text))
        {
            Text(gfx, text, font, new XRect(box.X + 2, box.Y + 0.5, box.Width - 4, box.Height - 1), center: center);
        }
    }

    /// <summary>A QR code drawn as vector squares: sharp on any printer, no image to embed.</summary>
    public static void Qr(XGraphics gfx, string content, XRect box)
    {
        using var data = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = Math.Min(box.Width, box.Height) / modules.Count;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count; column++)
            {
                if (modules[row][column])
                {
                    gfx.DrawRectangle(XBrushes.Black, box.X + (column * size), box.Y + (row * size), size + 0.05, size + 0.05);
                }
            }
        }
    }

    /// <summary>Washer, dryer or pot, drawn with lines so it prints in black and white at any size.</summary>
    public static void Pictogram(XGraphics gfx, string name, XRect box)
    {
        var pen = new XPen(XColors.Black, Math.Max(0.8, box.Width / 24));
        var (x, y, w, h) = (box.X, box.Y, box.Width, box.Height);
        switch (name)
        {
            case "washer":
            case "dryer":
                gfx.DrawRoundedRectangle(pen, x + (w * 0.15), y + (h * 0.05), w * 0.7, h * 0.9, w * 0.1, h * 0.1);
                gfx.DrawLine(pen, x + (w * 0.15), y + (h * 0.25), x + (w * 0.85), y + (h * 0.25));
                gfx.DrawEllipse(pen, x + (w * 0.3), y + (h * 0.38), w * 0.4, h * 0.4);
                if (name == "dryer")
                {
                    gfx.DrawLine(pen, x + (w * 0.45), y + (h * 0.5), x + (w * 0.45), y + (h * 0.66));
                    gfx.DrawLine(pen, x + (w * 0.55), y + (h * 0.5), x + (w * 0.55), y + (h * 0.66));
                }
                else
                {
                    gfx.DrawBezier(pen, x + (w * 0.33), y + (h * 0.6), x + (w * 0.42), y + (h * 0.5), x + (w * 0.58), y + (h * 0.7), x + (w * 0.67), y + (h * 0.58));
                }

                break;
            default:
                gfx.DrawRectangle(pen, x + (w * 0.15), y + (h * 0.4), w * 0.7, h * 0.45);
                gfx.DrawLine(pen, x + (w * 0.05), y + (h * 0.4), x + (w * 0.95), y + (h * 0.4));
                gfx.DrawLine(pen, x + (w * 0.4), y + (h * 0.1), x + (w * 0.4), y + (h * 0.3));
                gfx.DrawLine(pen, x + (w * 0.6), y + (h * 0.1), x + (w * 0.6), y + (h * 0.3));
                break;
        }
    }

    private static bool Fits(XGraphics gfx, string word, XFont font, double width) => gfx.MeasureString(word, font).Width <= width;

    private static string Shorten(XGraphics gfx, string line, XFont font, double width, bool force = false)
    {
        if (!force && gfx.MeasureString(line, font).Width <= width)
        {
            return line;
        }

        var text = line.TrimEnd('…');
        while (text.Length > 1 && gfx.MeasureString(text + "…", font).Width > width)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private sealed class AssetFontResolver : IFontResolver
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fonts");

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            familyName == Family ? new FontResolverInfo(bold ? "DejaVuSansCondensed-Bold" : "DejaVuSansCondensed") : null;

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}
