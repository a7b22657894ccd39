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
}

public sealed record Refusal(Rule Rule, string Detail)
{
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

    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);
}
