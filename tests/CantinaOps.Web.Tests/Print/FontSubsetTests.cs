using System.Buffers.Binary;
using System.IO.Compression;
using CantinaOps.Web.Features.Print;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace CantinaOps.Web.Tests.Print;

/// <summary>PDFs carry a subset of their fonts, and a subset keeps every piece of the glyphs it draws.</summary>
public class FontSubsetTests
{
    [Fact]
    public void A_slip_embeds_small_font_subsets_whose_composite_glyphs_keep_all_their_components()
    {
        // ї, Ё and ё are built from other composite glyphs (ї → ï → ı), the case PDFsharp's subsetter missed.
        var model = new SlipModel("K7M-42", "30 nov. 2026", "Мої бронювання: її, Ёлка, ґанок, є", "Mes réservations de la semaine",
            [new SlipLine("washer", "середа 2 грудня", "mercredi 2 décembre", "10:00", "Lave-linge 1")], "https://cantinaops.test/x", "Покажіть цю картку");

        var pdf = PdfDocuments.Slip(model);

        using var document = PdfDocument.Open(pdf);
        var fonts = FontPrograms(document).ToList();
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            Assert.True(font.Length < 120_000, $"a font program of {font.Length} bytes: not a subset");
            Assert.Empty(ComponentsMissing(font));
        }

        Assert.True(pdf.Length < 100_000, $"{pdf.Length} bytes");
    }

    /// <summary>The embedded TrueType programs (FontFile2 streams, Flate-compressed by PDFsharp).</summary>
    private static IEnumerable<byte[]> FontPrograms(PdfDocument document)
    {
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (document.Structure.GetObject(reference).Data is StreamToken stream && stream.StreamDictionary.ContainsKey(NameToken.Length1))
            {
                using var inflate = new ZLibStream(new MemoryStream(stream.Data.ToArray()), CompressionMode.Decompress);
                using var output = new MemoryStream();
                inflate.CopyTo(output);
                yield return output.ToArray();
            }
        }
    }

    /// <summary>Glyph ids that a kept composite glyph refers to but whose outline the subset left empty.</summary>
    private static List<int> ComponentsMissing(byte[] font)
    {
        var tables = new Dictionary<string, (int Offset, int Length)>();
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + 16 * i);
            tables[System.Text.Encoding.ASCII.GetString(entry[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
        }

        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(tables["head"].Offset + 50)) == 1;
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        int Offset(int glyph) => longOffsets
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(tables["loca"].Offset + 4 * glyph))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["loca"].Offset + 2 * glyph));
        bool Empty(int glyph) => Offset(glyph) == Offset(glyph + 1);

        var missing = new List<int>();
        for (var glyph = 0; glyph < glyphs; glyph++)
        {
            if (Empty(glyph))
            {
                continue;
            }

            var at = tables["glyf"].Offset + Offset(glyph);
            if (BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(at)) >= 0)
            {
                continue; // a simple glyph
            }

            at += 10;
            while (true)
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                var component = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at + 2));
                if (Empty(component))
                {
                    missing.Add(component);
                }

                if ((flags & 0x20) == 0)
                {
                    break; // no more components
                }

                at += 4 + ((flags & 0x01) != 0 ? 4 : 2) + ((flags & 0x08) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
            }
        }

        return missing;
    }
}
