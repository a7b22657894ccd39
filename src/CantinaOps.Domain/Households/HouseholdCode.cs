namespace CantinaOps.Domain.Households;

/// <summary>
/// Household codes look like <c>K7M-42</c>: three characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, 5/S, 2/Z) so they can be read aloud and copied by hand, then two digits.
/// About 2.1 million codes; the caller retries on the rare collision.
/// </summary>
public static class HouseholdCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRTUVWXY346789";

    /// <param name="next">Returns a uniformly random integer in [0, maxExclusive).</param>
    public static string Generate(Func<int, int> next)
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < 3; i++)
        {
            code[i] = Alphabet[next(Alphabet.Length)];
        }

        code[3] = '-';
        code[4] = (char)('0' + next(10));
        code[5] = (char)('0' + next(10));
        return new string(code);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: 6 }
        && Alphabet.Contains(code[0], StringComparison.Ordinal)
        && Alphabet.Contains(code[1], StringComparison.Ordinal)
        && Alphabet.Contains(code[2], StringComparison.Ordinal)
        && code[3] == '-'
        && char.IsAsciiDigit(code[4]) && char.IsAsciiDigit(code[5]);

    /// <summary>Accepts what people type: lower case, spaces, a missing dash.</summary>
    public static string Normalise(string typed)
    {
        var letters = new string(typed.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return letters.Length == 5 ? $"{letters[..3]}-{letters[3..]}" : typed.Trim().ToUpperInvariant();
    }
}
