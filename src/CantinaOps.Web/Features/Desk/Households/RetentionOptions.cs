using System.ComponentModel.DataAnnotations;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary><c>Retention:*</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Months a household's personal data is kept after its last booking.</summary>
    [Range(1, 240)]
    public int Months { get; set; } = 24;
}
