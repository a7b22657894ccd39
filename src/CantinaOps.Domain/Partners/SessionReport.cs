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

    public void Correct(int meals, IEnumerable<MealCount> byKind, IEnumerable<int> checklistDone, string? userId, Instant now)
    {
        var kinds = byKind.Where(k => k.Count > 0 && !string.IsNullOrWhiteSpace(k.Kind)).ToList();
        if (meals is < 0 or > 100_000 || kinds.Any(k => k.Count > 100_000))
        {
            throw new ArgumentOutOfRangeException(nameof(meals), "Meal counts are between 0 and 100,000.");
        }

        if (kinds.Count > 0 && kinds.Sum(k => k.Count) != meals)
        {
            throw new ArgumentException("The meals by kind add up to the total.", nameof(byKind));
        }

        (Meals, ByKind, ChecklistDone, DeclaredBy, DeclaredAt) = (meals, kinds, checklistDone.Distinct().ToList(), userId, now);
    }
}
