namespace CantinaOps.Domain.Households;

/// <summary>The languages the app speaks to families, each named in its own script.</summary>
public static class Languages
{
    public const string Default = "fr";

    public static IReadOnlyList<(string Tag, string NativeName, bool RightToLeft)> Supported { get; } =
    [
        ("fr", "Français", false),
        ("en", "English", false),
        ("ar", "العربية", true),
        ("uk", "Українська", false),
        ("fa-AF", "دری", true),
        ("ka", "ქართული", false),
        ("ps", "پښتو", true),
        ("ru", "Русский", false),
        ("sq", "Shqip", false),
        ("tr", "Türkçe", false),
        ("ti", "ትግርኛ", false),
    ];

    // Windows names Dari "prs" (prs-AF); the app's Dari is fa-AF.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["prs"] = "fa" };

    public static bool IsSupported(string? tag) =>
        tag is not null && Supported.Any(l => string.Equals(l.Tag, tag, StringComparison.Ordinal));

    /// <summary>
    /// The offered language for a requested tag (a browser's Accept-Language entry): the same tag, else the
    /// same language in any region or script — <c>ar-MA</c> → ar, <c>fa</c> and <c>fa-IR</c> → Dari (fa-AF),
    /// <c>ps-AF</c> → ps, <c>ru-RU</c> → ru — else none (the caller falls back to French).
    /// </summary>
    public static string? Closest(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var requested = tag.Trim().Replace('_', '-');
        foreach (var (supported, _, _) in Supported)
        {
            if (string.Equals(supported, requested, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        var language = requested.Split('-')[0];
        language = Aliases.GetValueOrDefault(language, language);
        foreach (var (supported, _, _) in Supported)
        {
            if (string.Equals(supported.Split('-')[0], language, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        return null;
    }
}
