using NodaTime;

namespace CantinaOps.Domain.Partners;

/// <summary>An item of the check-out checklist the coordinator sets (cleaned, fridge temperature noted…).</summary>
public sealed class ChecklistItem
{
    private ChecklistItem()
    {
        Text = string.Empty;
    }

    public ChecklistItem(int siteId, string text, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        SiteId = siteId;
        Text = text.Trim();
        Position = position;
        IsActive = true;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public string Text { get; private set; }
    public int Position { get; private set; }
    public bool IsActive { get; private set; }

    public void Retire() => IsActive = false;
}

/// <summary>Meals of one kind in a session report.</summary>
public sealed record MealCount(string Kind, int Count);

/// <summary>
/// What a partner declares after a session in the professional kitchen: meals produced (in total, and
/// by kind if it wishes) and the check-out checklist. One report per booking; it can be corrected.
/// </summary>
public sealed class SessionReport
{
    private SessionReport()
    {
        ByKind = [];
        ChecklistDone = [];
    }

    public SessionReport(int bookingId, int meals, IEnumerable<MealCount> byKind, IEnumerable<int> checklistDone, string? userId, Instant now)
    {
        BookingId = bookingId;
        ByKind = [];
        ChecklistDone = [];
        Correct(meals, byKind, checklistDone, userId, now);
    }

    public int Id { get; private set; }
    public int BookingId { get; private set; }
    public int Meals { get; private set; }
    public List<MealCount> ByKind { get; private set; }

    /// <summary>Ids of the checklist items ticked.</summary>
    public List<int> ChecklistDone { get; private set; }

    public string? DeclaredBy { get; private set; }
    public Instant DeclaredAt { get; private set; }

    public const int MaxMeals = 100_000;

    /// <summary>
    /// Why a declaration cannot be kept; null when it can. A row of meals by kind left empty (no kind, no
    /// count) is no row; a count without its kind, or a ticked item that is not on the site's active
    /// checklist (<paramref name="checklistItems"/>), is refused.
    /// </summary>
    public static Bookings.Refusal? Check(int meals, IEnumerable<MealCount> byKind, IEnumerable<int> checklistDone,
        IReadOnlyCollection<int> checklistItems)
    {
        var rows = Rows(byKind);
        if (meals is < 0 or > MaxMeals || rows.Any(k => k.Count is < 0 or > MaxMeals))
        {
            return Bookings.Refusal.Because(Bookings.Rule.InvalidValue, "meals-range", $"Meal counts are between 0 and 100,000.");
        }

        if (rows.Any(k => k.Count > 0 && string.IsNullOrWhiteSpace(k.Kind)))
        {
            return Bookings.Refusal.Because(Bookings.Rule.InvalidValue, "meals-kind-required", $"Each count of meals by kind needs its kind.");
        }

        var kinds = rows.Where(k => k.Count > 0).ToList();
        if (kinds.Count > 0 && kinds.Sum(k => k.Count) != meals)
        {
            return Bookings.Refusal.Because(Bookings.Rule.InvalidValue, "meals-sum", $"The meals by kind add up to the total.");
        }

        return checklistDone.Where(id => !checklistItems.Contains(id)).Select(id => (int?)id).FirstOrDefault() is { } unknown
            ? Bookings.Refusal.Because(Bookings.Rule.InvalidValue, "meals-unknown-item", $"Checklist item {unknown} is not on the check-out list.")
            : null;
    }

    public void Correct(int meals, IEnumerable<MealCount> byKind, IEnumerable<int> checklistDone, string? userId, Instant now)
    {
        var done = checklistDone.Distinct().ToList();
        if (Check(meals, byKind, done, done) is { } refusal)
        {
            throw new ArgumentException(refusal.Detail, nameof(byKind));
        }

        var kinds = Rows(byKind).Where(k => k.Count > 0).Select(k => k with { Kind = k.Kind!.Trim() }).ToList();
        (Meals, ByKind, ChecklistDone, DeclaredBy, DeclaredAt) = (meals, kinds, done, userId, now);
    }

    private static List<MealCount> Rows(IEnumerable<MealCount> byKind) =>
        byKind.Where(k => k.Count != 0 || !string.IsNullOrWhiteSpace(k.Kind)).ToList();
}
