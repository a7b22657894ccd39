using CantinaOps.Domain.Households;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>The household form's fields, and the errors found in them (kept so the form shows what to fix).</summary>
public sealed class HouseholdInput
{
    public int? Size { get; set; }
    public string Language { get; set; } = "fr";
    public string? Phone { get; set; }
    public string? DisplayName { get; set; }
    public string? Hotel { get; set; }

    /// <summary>The phone (E.164) whose "already known" warning the volunteer has seen: saving it again goes through.</summary>
    public string? SamePhoneSeen { get; set; }

    public Dictionary<string, string[]> Errors { get; set; } = [];

    /// <summary>Other active households with the phone typed (a warning, not an error).</summary>
    public IReadOnlyList<HouseholdRegistration.Known> SamePhone { get; set; } = [];

    public HouseholdRegistration.Form ToForm() => new(Size, Language, DisplayName, Phone, Hotel, SamePhoneSeen);

    public static HouseholdInput From(Household household) => new()
    {
        Size = household.Size,
        Language = household.Language,
        Phone = household.Phone,
        DisplayName = household.DisplayName,
        Hotel = household.Hotel,
    };
}
