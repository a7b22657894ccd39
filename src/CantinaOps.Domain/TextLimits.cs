namespace CantinaOps.Domain;

/// <summary>
/// The longest names and free texts the app keeps. The database columns have these sizes (PostgreSQL refuses a
/// longer value, SQLite would keep it), so every form checks them first and answers with a form error.
/// </summary>
public static class TextLimits
{
    /// <summary>A partner's or a machine's name.</summary>
    public const int Name = 120;

    /// <summary>A partner's contact, a closure's reason, a checklist line.</summary>
    public const int Line = 200;

    public static bool TooLong(string? text, int max) => text is not null && text.Trim().Length > max;
}
