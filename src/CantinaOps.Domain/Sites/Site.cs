using NodaTime;

namespace CantinaOps.Domain.Sites;

/// <summary>A tiers-lieu: one building with its spaces, its time zone and its site-wide rules.</summary>
public sealed class Site
{
    private readonly List<Space> _spaces = [];
    private readonly List<Closure> _closures = [];
    private readonly List<SlotLength> _slotLengths = [];
    private readonly List<QuotaTier> _quotaTiers = [];

    private Site()
    {
        Name = string.Empty;
        TimeZoneId = string.Empty;
    }

    public Site(string name, string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is null)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        }

        Name = name;
        TimeZoneId = timeZoneId;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string TimeZoneId { get; private set; }
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public IReadOnlyList<Space> Spaces => _spaces;
    public IReadOnlyList<Closure> Closures => _closures;
    public IReadOnlyList<SlotLength> SlotLengths => _slotLengths;
    public IReadOnlyList<QuotaTier> QuotaTiers => _quotaTiers;

    /// <summary>Minutes after a slot's start without check-in before it is released as a no-show.</summary>
    public int NoShowGraceMinutes { get; private set; } = 20;

    /// <summary>No-shows within <see cref="NoShowWindowDays"/> that lead to a pause of self-booking.</summary>
    public int NoShowStrikes { get; private set; } = 2;

    public int NoShowWindowDays { get; private set; } = 30;

    /// <summary>How long a household cannot book by itself after too many no-shows (the desk still can).</summary>
    public int NoShowPauseDays { get; private set; } = 7;

    /// <summary>Refused (nothing changed) outside 5–180 minutes of grace, 1–20 strikes, a 1–365-day window, 0–90 days of pause.</summary>
    public SettingError? SetNoShowPolicy(int graceMinutes, int strikes, int windowDays, int pauseDays)
    {
        if (graceMinutes is < 5 or > 180 || strikes is < 1 or > 20 || windowDays is < 1 or > 365 || pauseDays is < 0 or > 90)
        {
            return new SettingError(SettingRule.NoShowOutOfRange, "No-show policy values are out of range.");
        }

        (NoShowGraceMinutes, NoShowStrikes, NoShowWindowDays, NoShowPauseDays) = (graceMinutes, strikes, windowDays, pauseDays);
        return null;
    }

    /// <summary>Reminders: the evening before at this local time (families).</summary>
    public LocalTime ReminderEveningAt { get; private set; } = new(18, 0);

    /// <summary>Reminders: this many hours before the start (families).</summary>
    public int ReminderHoursBefore { get; private set; } = 2;

    /// <summary>Reminders: this many days before, in the morning (partners).</summary>
    public int ReminderPartnerDaysBefore { get; private set; } = 2;

    public const int MostReminderHoursBefore = 12;
    public const int MostReminderDaysBefore = 14;

    public SettingError? SetReminders(LocalTime eveningAt, int hoursBefore, int partnerDaysBefore)
    {
        if (hoursBefore is < 1 or > MostReminderHoursBefore || partnerDaysBefore is < 1 or > MostReminderDaysBefore)
        {
            return new SettingError(SettingRule.RemindersOutOfRange, "Reminder values are out of range.");
        }

        (ReminderEveningAt, ReminderHoursBefore, ReminderPartnerDaysBefore) = (eveningAt, hoursBefore, partnerDaysBefore);
        return null;
    }

    public void RemoveClosure(Closure closure) => _closures.Remove(closure);

    public void RemoveQuota(SpaceKind kind, int fromHouseholdSize) =>
        _quotaTiers.RemoveAll(q => q.SpaceKind == kind && q.FromHouseholdSize == fromHouseholdSize);

    /// <summary>
    /// A new space, checked whole before it joins the site (an exception leaves the site as it was). It opens on no
    /// day until its hours are set, so it offers nothing by surprise.
    /// </summary>
    public Space AddSpace(string name, SpaceKind kind, Duration minimumNotice, int horizonDays, bool requiresApproval = false)
    {
        var space = new Space(this, name, kind, minimumNotice, horizonDays);
        space.Configure(name, minimumNotice, horizonDays, requiresApproval);
        _spaces.Add(space);
        return space;
    }

    public Closure AddClosure(LocalDate first, LocalDate last, string reason, Space? onlySpace = null)
    {
        var closure = new Closure(this, first, last, reason, onlySpace);
        _closures.Add(closure);
        return closure;
    }

    /// <summary>Sets the slot length of a kind of resource; refused (nothing changed) outside 5 minutes to 12 hours.</summary>
    public SettingError? SetSlotLength(ResourceKind kind, Duration length)
    {
        if (SlotLength.Check(length) is { } error)
        {
            return error;
        }

        _slotLengths.RemoveAll(s => s.Kind == kind);
        _slotLengths.Add(new SlotLength(this, kind, length));
        return null;
    }

    /// <summary>Sets the tier of households from this size; refused (nothing changed) outside 1–30 people and 0–50 a week.</summary>
    public SettingError? SetQuota(SpaceKind kind, int fromHouseholdSize, int bookingsPerWeek)
    {
        if (QuotaTier.Check(kind, fromHouseholdSize, bookingsPerWeek) is { } error)
        {
            return error;
        }

        _quotaTiers.RemoveAll(q => q.SpaceKind == kind && q.FromHouseholdSize == fromHouseholdSize);
        _quotaTiers.Add(new QuotaTier(this, kind, fromHouseholdSize, bookingsPerWeek));
        return null;
    }
}
