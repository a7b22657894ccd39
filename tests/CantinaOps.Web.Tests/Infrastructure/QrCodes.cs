using System.Globalization;
using System.Text.RegularExpressions;
using ZXing.Common;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>Reads back the QR code a page draws as SVG (one module per unit, dark runs as "M x y h w v1 h-w z").</summary>
public static partial class QrCodes
{
    public static string ReadSvg(string html)
    {
        var svg = Svg().Match(html);
        var size = int.Parse(svg.Groups[1].Value, CultureInfo.InvariantCulture);
        const int quietZone = 4;
        var matrix = new BitMatrix(size - 2 * quietZone);
        foreach (Match run in Run().Matches(svg.Value))
        {
            var (x, y, width) = (Int(run.Groups[1]), Int(run.Groups[2]), Int(run.Groups[3]));
            for (var i = 0; i < width; i++)
            {
                matrix[x + i - quietZone, y - quietZone] = true;
            }
        }

        return new ZXing.QrCode.Internal.Decoder().decode(matrix, null)?.Text
            ?? throw new InvalidOperationException("The QR code does not read back.");
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg[^>]*viewBox=\"0 0 (\\d+) \\d+\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")]
    private static partial Regex Run();
}
