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
    ];

    public static bool IsSupported(string? tag) =>
        tag is not null && Supported.Any(l => string.Equals(l.Tag, tag, StringComparison.Ordinal));
}
