using System.Globalization;

namespace CantinaOps.Domain.Bookings;

/// <summary>Why the schedule said no. Each rule has its own value so callers can map it (409, 422, a message).</summary>
public enum Rule
{
    SlotTaken,
    Closed,
    OutsideOpeningHours,
    NotASlotStart,
    NonexistentLocalTime,
    TooLate,
    TooFarAhead,
    QuotaReached,
    ResourceOutOfService,
    HouseholdInactive,
    WrongResourceForBooker,
    InvalidBlock,
    InvalidStatusChange,
    OutsideAgreement,
    SelfBookingPaused,
    ReasonRequired,
    OutsideDateWindow,

    /// <summary>A series was sent without saying what to do with a conflict its preview showed.</summary>
    ChoiceRequired,

    /// <summary>Something that is done once a session has started (declaring its meals) was asked for before.</summary>
    NotStarted,

    /// <summary>A value the rule cannot take (an unknown checklist item, a meal kind without a name).</summary>
    InvalidValue,
}

/// <summary>
/// A refusal names its <see cref="Rule"/> and explains it. <see cref="Detail"/> is the English explanation
/// (the API's); <see cref="Reason"/> and <see cref="Arguments"/> let each page say the same in its reader's
/// language (the key <c>Refusal.{Reason}</c> of the app's translations, formatted with the arguments).
/// </summary>
public sealed record Refusal(Rule Rule, string Detail)
{
    /// <summary>The key of the explanation among the translations; null when only the rule's name can be translated.</summary>
    public string? Reason { get; private init; }

    public IReadOnlyList<object?> Arguments { get; private init; } = [];

    /// <summary>
    /// A refusal explained by <paramref name="english"/>, whose format and arguments are kept so the same
    /// explanation can be written in another language: the English detail is formatted with the invariant
    /// culture (English month and day names), whatever language the request came in.
    /// </summary>
    public static Refusal Because(Rule rule, string reason, FormattableString english) =>
        new(rule, english.ToString(CultureInfo.InvariantCulture)) { Reason = reason, Arguments = english.GetArguments() };

    public override string ToString() => Detail;

    /// <summary>A kebab-case name of the rule, stable for API clients.</summary>
    public string Code => Rule switch
    {
        Rule.SlotTaken => "slot-taken",
        Rule.Closed => "closed",
        Rule.OutsideOpeningHours => "outside-opening-hours",
        Rule.NotASlotStart => "not-a-slot-start",
        Rule.NonexistentLocalTime => "nonexistent-local-time",
        Rule.TooLate => "too-late",
        Rule.TooFarAhead => "too-far-ahead",
        Rule.QuotaReached => "quota-reached",
        Rule.ResourceOutOfService => "resource-out-of-service",
        Rule.HouseholdInactive => "household-inactive",
        Rule.WrongResourceForBooker => "wrong-resource-for-booker",
        Rule.InvalidBlock => "invalid-block",
        Rule.InvalidStatusChange => "invalid-status-change",
        Rule.OutsideAgreement => "outside-agreement",
        Rule.SelfBookingPaused => "self-booking-paused",
        Rule.ReasonRequired => "reason-required",
        Rule.OutsideDateWindow => "outside-date-window",
        Rule.ChoiceRequired => "choice-required",
        Rule.NotStarted => "not-started",
        Rule.InvalidValue => "invalid-value",
        _ => Rule.ToString(),
    };
}

/// <summary>Either a value or the rule that refused it.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }
    public Refusal? Refusal { get; }
    public bool IsSuccess => Refusal is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Refused(Rule rule, string detail) => new(default, new Refusal(rule, detail));

    public static Outcome<T> Refused(Refusal refusal) => new(default, refusal);

    public static Outcome<T> Refused(Rule rule, string reason, FormattableString english) => new(default, Refusal.Because(rule, reason, english));

    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);
}
