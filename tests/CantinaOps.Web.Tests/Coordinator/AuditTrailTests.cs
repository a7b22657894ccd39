using System.Net;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Coordinator;

/// <summary>The coordinator reads the audit trail by who, what and when, page by page, and exports what the filter keeps.</summary>
public class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task SeedAsync()
    {
        await app.WithDbAsync(async db =>
        {
            if (db.Audit.Any(a => a.ActorName == "Alice Audit"))
            {
                return;
            }

            for (var i = 0; i < 60; i++)
            {
                db.Audit.Add(new AuditEntry(Instant.FromUtc(2026, 10, 1, 9, 0) + Duration.FromHours(i), null, "Alice Audit", "booking.move", $"booking {i}", null));
            }

            db.Audit.Add(new AuditEntry(Instant.FromUtc(2026, 10, 20, 9, 0), null, "Bob Audit", "closure.add", "space 1", "=HYPERLINK(\"x\")"));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_trail_is_filtered_by_who_what_and_when_and_paged()
    {
        await SeedAsync();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);

        var alice = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Audit?who=Alice+Audit&what=booking"));
        var second = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Audit?who=Alice+Audit&what=booking&p=2"));
        var oneDay = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Audit?who=Audit&from=2026-10-20&to=2026-10-20"));

        Assert.Contains("60 ligne(s) — page 1 sur 2", alice, StringComparison.Ordinal);
        Assert.Equal(50, alice.Split("<td>Alice Audit</td>").Length - 1);
        Assert.DoesNotContain("Bob Audit</td>", alice, StringComparison.Ordinal);
        Assert.Equal(10, second.Split("<td>Alice Audit</td>").Length - 1);
        Assert.Contains("<td>booking 0</td>", second, StringComparison.Ordinal);
        Assert.Contains("1 ligne(s) — page 1 sur 1", oneDay, StringComparison.Ordinal);
        Assert.Contains("<td>Bob Audit</td>", oneDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_every_line_the_filter_keeps_and_no_formula()
    {
        await SeedAsync();
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        var desk = await app.SignedInBrowserAsync(TestSite.Desk);

        var response = await coordinator.GetAsync("/Audit?who=Audit&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("at,actor,action,subject,detail", lines[0]);
        Assert.Equal(62, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2026-10-20T11:00:00,Bob Audit,closure.add,space 1,", StringComparison.Ordinal)
            && l.Contains("'=HYPERLINK", StringComparison.Ordinal));
        Assert.NotEqual(HttpStatusCode.OK, (await desk.GetAsync("/Audit?format=csv")).StatusCode);
    }
}
