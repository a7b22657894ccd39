using System.ComponentModel.DataAnnotations;

namespace CantinaOps.Web.Features.Print;

/// <summary><c>Printing:*</c>.</summary>
public sealed class PrintingOptions
{
    public const string Section = "Printing";

    /// <summary>Weeks the produced weekly plans are kept.</summary>
    [Range(1, 520)]
    public int KeepWeeks { get; set; } = 8;
}
