using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// The one window of dates the whole app accepts, from any way in (form, query string, API, job). Past
/// it, date arithmetic (a week after 9999-12-31, a month before -0001-01-01) would overflow deep in a
/// query; a value outside it is refused where it is read, as a form error or a 400/422, never an exception.
/// Notice and horizon narrow it further for bookings.
/// </summary>
public static class DateWindow
{
    public static readonly LocalDate First = new(2000, 1, 1);
    public static readonly LocalDate Last = new(2100, 12, 31);

    public static bool Contains(LocalDate day) => day >= First && day <= Last;

    public static bool Contains(LocalDateTime time) => Contains(time.Date);

    /// <summary>An ISO date (2026-12-07) inside the window; null when malformed or outside.</summary>
    public static LocalDate? ParseDate(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed && Contains(parsed.Value)
            ? parsed.Value
            : null;

    /// <summary>An ISO month (2026-12) inside the window, as its first day; null when malformed or outside.</summary>
    public static LocalDate? ParseMonth(string? text) =>
        text is not null && YearMonthPattern.Iso.Parse(text.Trim()) is { Success: true } parsed
            && Contains(parsed.Value.OnDayOfMonth(1)) && Contains(parsed.Value.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1))
            ? parsed.Value.OnDayOfMonth(1)
            : null;

    /// <summary>The message a person or an API client gets for a date outside the window.</summary>
    public static string Explain(string field) =>
        $"{field} must be a date between {First:yyyy-MM-dd} and {Last:yyyy-MM-dd}.";

    /// <summary>The refusal of a date outside the window, explained in any language.</summary>
    public static Bookings.Refusal Refusal(string field) =>
        Bookings.Refusal.Because(Bookings.Rule.OutsideDateWindow, "date-window", $"{field} must be a date between {First:yyyy-MM-dd} and {Last:yyyy-MM-dd}.");
}
