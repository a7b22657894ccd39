using System.Text;

namespace CantinaOps.Web.Features.Print;

/// <summary>
/// Arabic-script text as PDFsharp can draw it. PDFsharp 6.2.4 draws characters one by one, left to right:
/// العربية would print as unjoined letters in reverse order. Here each letter becomes its Unicode
/// presentation form (isolated, initial, medial, final; lam-alef as one ligature) and each right-to-left
/// run is laid out in visual order, inside a left-to-right line. It covers the Arabic and Persian/Dari
/// letters, enough for names such as العربية and دری; text without Arabic letters is returned as it is.
/// </summary>
public static class ArabicShaping
{
    // Base letter → isolated, final, initial, medial (0: the letter has no such form: it does not join forward).
    private static readonly Dictionary<char, (char Isolated, char Final, char Initial, char Medial)> Forms = Build();

    private static Dictionary<char, (char, char, char, char)> Build()
    {
        var forms = new Dictionary<char, (char, char, char, char)>
        {
            ['\u0621'] = ('\uFE80', '\0', '\0', '\0'),
        };
        // Presentation Forms-B, in the order of the Arabic block: right-joining letters have two forms, the others four.
        var rightJoining = "\u0622\u0623\u0624\u0625\u0627\u0629\u062F\u0630\u0631\u0632\u0648\u0649";
        var form = '\uFE81';
        foreach (var letter in "\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A")
        {
            if (rightJoining.Contains(letter, StringComparison.Ordinal))
            {
                forms[letter] = (form, (char)(form + 1), '\0', '\0');
                form = (char)(form + 2);
            }
            else
            {
                forms[letter] = (form, (char)(form + 1), (char)(form + 2), (char)(form + 3));
                form = (char)(form + 4);
            }
        }

        // Persian letters (Presentation Forms-A).
        forms['\u067E'] = ('\uFB56', '\uFB57', '\uFB58', '\uFB59'); // peh
        forms['\u0686'] = ('\uFB7A', '\uFB7B', '\uFB7C', '\uFB7D'); // tcheh
        forms['\u0698'] = ('\uFB8A', '\uFB8B', '\0', '\0'); // jeh
        forms['\u06A9'] = ('\uFB8E', '\uFB8F', '\uFB90', '\uFB91'); // keheh
        forms['\u06AF'] = ('\uFB92', '\uFB93', '\uFB94', '\uFB95'); // gaf
        forms['\u06CC'] = ('\uFBFC', '\uFBFD', '\uFBFE', '\uFBFF'); // farsi yeh
        return forms;
    }

    private static readonly Dictionary<char, (char Isolated, char Final)> LamAlef = new()
    {
        ['\u0622'] = ('\uFEF5', '\uFEF6'),
        ['\u0623'] = ('\uFEF7', '\uFEF8'),
        ['\u0625'] = ('\uFEF9', '\uFEFA'),
        ['\u0627'] = ('\uFEFB', '\uFEFC'),
    };

    private const char Tatweel = '\u0640';

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>The text with its Arabic runs shaped and in visual order, ready for a left-to-right drawing.</summary>
    public static string ForPdf(string text)
    {
        if (!text.Any(IsArabic))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsArabic(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }

            // A right-to-left run: Arabic letters and the spaces between them.
            var end = i;
            while (end < text.Length && (IsArabic(text[end]) || text[end] == ' ' && end + 1 < text.Length && IsArabic(text[end + 1])))
            {
                end++;
            }

            var shaped = Shape(text[i..end]);
            result.Append(shaped.Reverse().ToArray());
            i = end;
        }

        return result.ToString();
    }

    private static bool JoinsForward(char c) => c == Tatweel || Forms.TryGetValue(c, out var f) && f.Initial != '\0';

    private static bool JoinsBackward(char c) => c == Tatweel || Forms.TryGetValue(c, out var f) && f.Final != '\0';

    private static string Shape(string run)
    {
        var shaped = new StringBuilder(run.Length);
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                shaped.Append(c);
                continue;
            }

            var afterPrevious = i > 0 && JoinsForward(run[i - 1]) && JoinsBackward(c);
            if (c == '\u0644' && i + 1 < run.Length && LamAlef.TryGetValue(run[i + 1], out var ligature))
            {
                shaped.Append(afterPrevious ? ligature.Final : ligature.Isolated);
                i++;
                continue;
            }

            var beforeNext = i + 1 < run.Length && JoinsForward(c) && JoinsBackward(run[i + 1]);
            shaped.Append((afterPrevious, beforeNext) switch
            {
                (true, true) => forms.Medial,
                (true, false) => forms.Final,
                (false, true) => forms.Initial,
                _ => forms.Isolated,
            });
        }

        return shaped.ToString();
    }
}
