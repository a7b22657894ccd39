using System.Diagnostics;
using CantinaOps.Web.Features.Print;

namespace CantinaOps.Bench;

/// <summary>A weekly plan of a 40-resource space with every slot of the week booked: warm time per PDF and file size.</summary>
internal static class PlanBench
{
    public static void Run(string folder)
    {
        var resources = Enumerable.Range(1, 40).Select(i => $"Lave-linge {i}").ToList();
        var random = new Random(3);
        var rows = Enumerable.Range(8, 12).Select(h => new PlanRow(h * 60, (h + 1) * 60)).ToList();
        var days = Enumerable.Range(0, 7).Select(d => new PlanDay($"jour {d + 1} décembre", null,
            Enumerable.Range(0, resources.Count).SelectMany(r => rows.Select(row => new PlanCell(r, row.From, row.To, PlanCellKind.Booked,
                $"{(char)('A' + random.Next(20))}{(char)('C' + random.Next(20))}{(char)('K' + random.Next(10))}-{random.Next(100):00}"))).ToList(),
            [])).ToList();
        var model = new WeeklyPlanModel("L'Archipel", "Buanderie", "semaine du 7 décembre 2026", "Imprimé le 04/12/2026 14:00", resources, rows, days,
            new PlanLabels("Heure", "Fermé", "Réservé", "En attente", "Hors service", "Libre", "À déplacer ou annuler :"));

        var bytes = PdfDocuments.WeeklyPlan(model); // cold: fonts loaded, JIT
        var timings = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = PdfDocuments.WeeklyPlan(model);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var path = Path.Combine(folder, "plan-40.pdf");
        File.WriteAllBytes(path, bytes);
        Console.WriteLine($"Weekly plan, 40 resources x 7 days x 12 slots (3,360 booked cells): warm p50 {AvailabilityBench.Percentile(timings, 0.5):F0} ms, " +
            $"p95 {AvailabilityBench.Percentile(timings, 0.95):F0} ms per PDF, {bytes.Length / 1024.0:F0} KB ({path})");
    }
}
