namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>The household form's fields, and the errors found in them (kept so the form shows what to fix).</summary>
public sealed class HouseholdInput
{
    public int? Size { get; set; }
    public string Language { get; set; } = "fr";
    public string? Phone { get; set; }
    public string? DisplayName { get; set; }
    public string? Hotel { get; set; }

    public Dictionary<string, string[]> Errors { get; set; } = [];

    public HouseholdRegistration.Form ToForm() => new(Size, Language, DisplayName, Phone, Hotel);
}
