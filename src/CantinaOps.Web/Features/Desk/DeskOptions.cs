using System.ComponentModel.DataAnnotations;

namespace CantinaOps.Web.Features.Desk;

/// <summary><c>Desk:*</c>.</summary>
public sealed class DeskOptions
{
    public const string Section = "Desk";

    /// <summary>
    /// A free machine stays bookable by the desk for a walk-in until its slot's end minus this many minutes
    /// (0: until the very end), even once the slot has started.
    /// </summary>
    [Range(0, 720)]
    public int WalkInMarginMinutes { get; set; } = 30;
}
