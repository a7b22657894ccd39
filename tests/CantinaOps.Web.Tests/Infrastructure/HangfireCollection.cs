namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>
/// Hangfire keeps its storage in a process-wide static as well as in DI: tests that read it through the
/// dashboard or the recurring-job API run alone, so another app instance starting or stopping meanwhile
/// cannot swap it under them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire global state";
}
