using System.ComponentModel.DataAnnotations;

namespace CantinaOps.Web.Features.Scheduling;

/// <summary><c>Scheduling:*</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How long a server keeps a site's booking rules before reading them again (0: every request).</summary>
    [Range(0, 3600)]
    public int RulesCacheSeconds { get; set; } = 30;
}
