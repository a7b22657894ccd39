using System.Globalization;
using System.Text;

namespace CantinaOps.Domain.Households;

/// <summary>
/// How the desk's search sees a household. SQLite folds only ASCII letters, so "наталія" would never find
/// "Наталія" nor "helene" "Hélène": the household keeps its name and hotel folded (lower case, without
/// accents or other marks, compatibility forms unfolded) and its phone as the digits people read out,
/// and the search compares the typed text folded the same way.
/// </summary>
public static class HouseholdSearch
{
    /// <summary>Lower case (culture-invariant), marks removed, compatibility forms decomposed, spaces collapsed.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(c);
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The digits of an E.164 phone as they are written and read out: international (33675123456) and, for a
    /// French number, national (0675123456) — so "06 75" and "+33 6 75" both find it.
    /// </summary>
    public static IEnumerable<string> PhoneDigits(string e164)
    {
        var digits = new string(e164.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            yield break;
        }

        yield return digits;
        if (digits.StartsWith("33", StringComparison.Ordinal))
        {
            yield return "0" + digits[2..];
        }
    }

    /// <summary>
    /// The digits to look for when the typed text reads as (part of) a phone number: only digits, spaces, dots,
    /// dashes, slashes, brackets and a leading + or 00, at least three digits. "+33 6 75" and "0033 6 75" become
    /// "0675"; null when the text is not a phone.
    /// </summary>
    public static string? QueryDigits(string typed)
    {
        var text = typed.Trim();
        if (text.Length == 0 || text.Any(c => !char.IsAsciiDigit(c) && " .-/()+\u00a0".IndexOf(c, StringComparison.Ordinal) < 0)
            || text.LastIndexOf('+') > 0)
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var international = text.StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (international && digits.StartsWith("33", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }

        return digits.Length >= 3 ? digits : null;
    }

    /// <summary>The text kept for the search (null when there is nothing to find a household by but its code).</summary>
    public static string? TextOf(string? displayName, string? hotel, string? phone)
    {
        var parts = new List<string>();
        if (displayName is not null)
        {
            parts.Add(Fold(displayName));
        }

        if (hotel is not null)
        {
            parts.Add(Fold(hotel));
        }

        if (phone is not null)
        {
            parts.AddRange(PhoneDigits(phone));
        }

        // A line per part, so that a search never matches across the end of a name and the start of a hotel.
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }
}
