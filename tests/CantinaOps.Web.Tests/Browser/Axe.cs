using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CantinaOps.Web.Tests.Browser;

internal static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}\n" + string.Join("\n", serious));
    }

    /// <summary>
    /// Puts axe-core (the same bundled version) into every page the context opens, before the page's own scripts,
    /// for <see cref="SeriousViolationsAsync"/>: about ten times faster than <c>RunAxe</c>, which injects the script
    /// anew and finishes each run in a blank page of its own (about a second a page on two cores).
    /// </summary>
    public static Task InjectAsync(IBrowserContext context) => context.AddInitScriptAsync(Script.Value);

    public sealed record Violation(string Id, string Impact, string Help, string[] Nodes);

    /// <summary>
    /// A function for a page of a context given <see cref="InjectAsync"/>: its serious and critical violations, with
    /// axe's default rules and WCAG 2.2's target-size rule (off by default in axe-core 4.x) switched on.
    /// </summary>
    public const string SeriousViolationsScript = """
        async () => {
            const results = await axe.run(document, { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
            return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html) }));
        }
        """;

    public static async Task<Violation[]> SeriousViolationsAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(SeriousViolationsScript)).Deserialize<Violation[]>(JsonSerializerOptions.Web)!;
}
