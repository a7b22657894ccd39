using System.Diagnostics;
using System.Net;
using System.Text;
using CantinaOps.Web.Features.Coordinator;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Impact;

/// <summary>The figures as the app records them through its real paths (API booking, desk check-in), read back by the API.</summary>
public class ImpactApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Today = "from=2026-11-30&to=2026-11-30&space=laundry";

    private async Task<int> SizeOfAsync(int household) => await app.WithDbAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Size).SingleAsync());

    [Fact]
    public async Task A_check_in_and_a_refusal_for_a_full_slot_are_counted_and_the_size_at_check_in_is_kept()
    {
        var desk = await app.SignedInAsync(TestSite.Desk);
        var (first, second) = (app.Site.Households[0], app.Site.Households[1]);
        var booked = await desk.BookAsync(app.Site.Washer1, "2026-11-30T09:00", first);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await desk.BookAsync(app.Site.Washer1, "2026-11-30T09:00", second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode);
        var size = await SizeOfAsync(first);
        // The household grows after its visit: the figures keep the size it had then.
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == first);
            household.Update(size + 2, household.Language, household.DisplayName, household.Phone, household.Hotel);
            await db.SaveChangesAsync();
            return 0;
        });

        var funder = await app.SignedInAsync(TestSite.Funder);
        var response = await funder.GetAsync($"/api/v1/impact?{Today}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var figures = json.GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("householdsServed").GetInt32());
        // The one booked hour of the day is its peak (Monday 30 November, 09:00 in Paris).
        var peak = json.GetProperty("peakHours")[0];
        Assert.Equal(("monday", 9), (peak.GetProperty("day").GetString(), peak.GetProperty("hour").GetInt32()));
        Assert.Equal(size, figures.GetProperty("peopleReached").GetInt32());
        Assert.Equal(1, figures.GetProperty("visits").GetInt32());
        Assert.Equal(1, figures.GetProperty("newHouseholds").GetInt32());
        Assert.Equal(0, figures.GetProperty("laundryCycles").GetInt32()); // checked in, not yet finished
        // The refused household's wish is unmet demand only once its day is over.
        Assert.Equal(1, await app.WithDbAsync(db => db.DemandRefusals.CountAsync(r => r.HouseholdId == second)));
    }

    [Fact]
    public async Task Only_coordinators_and_funders_read_the_figures_and_a_funder_reads_nothing_else()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(TestSite.Coordinator)).GetAsync($"/api/v1/impact?{Today}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(TestSite.Desk)).GetAsync($"/api/v1/impact?{Today}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(TestSite.PartnerAUser)).GetAsync($"/api/v1/impact?{Today}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/impact?{Today}")).StatusCode);

        var funder = await app.SignedInAsync(TestSite.Funder);
        foreach (var path in new[] { "/api/v1/bookings/1", "/api/v1/resources", "/api/v1/partner/bookings", "/api/v1/availability" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync(path)).StatusCode);
        }

        var pages = await app.SignedInBrowserAsync(TestSite.Funder);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Coordinator/Impact")).StatusCode);
        foreach (var path in new[] { "/Desk", "/Desk/Households", "/Coordinator", "/Coordinator/Accounts", "/Audit", "/Print/Week", "/Partner" })
        {
            var refused = await pages.GetAsync(path);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{path}: {refused.StatusCode}");
            Assert.DoesNotContain("/Account/Login", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_deactivated_funder_s_open_token_and_cookie_stop_at_once()
    {
        const string email = "funder-2@test.cantinaops.org";
        var id = await app.WithServicesAsync(async services =>
        {
            var accounts = services.GetRequiredService<AccountAdministration>();
            var invited = await accounts.InviteAsync(email, "Fondation", Data.Roles.Funder, null, CancellationToken.None);
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.StaffUser>>();
            await users.AddPasswordAsync(invited.User!, TestSite.Password);
            return invited.User!.Id;
        });
        var token = await app.SignedInAsync(email);
        var cookie = await app.SignedInBrowserAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync($"/api/v1/impact?{Today}")).StatusCode);

        await app.WithServicesAsync(services => services.GetRequiredService<AccountAdministration>().SetActiveAsync(id, false, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync($"/api/v1/impact?{Today}")).StatusCode);
        var page = await cookie.GetAsync("/Coordinator/Impact");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("from=9999-01-01&to=9999-12-31", "from")]
    [InlineData("from=2026-12-01&to=2026-11-01", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("from=2026-01-01&to=2026-01-31&space=999999", "space")]
    [InlineData("from=2026-01-01&to=2026-01-31&space=garage", "space")]
    [InlineData("from=2026-01-01&to=2026-01-31&groupBy=day", "groupBy")]
    [InlineData("from=2026-01-01&to=2026-01-31&format=pdf", "format")]
    [InlineData("to=2026-01-31", "from")]
    public async Task Bad_periods_are_a_400_naming_the_field(string query, string field)
    {
        var response = await (await app.SignedInAsync(TestSite.Coordinator)).GetAsync($"/api/v1/impact?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_series_per_month_covers_the_period_and_the_French_Excel_CSV_has_its_BOM_semicolons_and_CRLF()
    {
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        var json = await (await coordinator.GetAsync("/api/v1/impact?from=2026-09-15&to=2026-12-10&groupBy=month")).JsonAsync();
        var series = json.GetProperty("series").EnumerateArray().Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString())).ToList();
        Assert.Equal([("2026-09-15", "2026-09-30"), ("2026-10-01", "2026-10-31"), ("2026-11-01", "2026-11-30"), ("2026-12-01", "2026-12-10")], series);

        var csv = await (await coordinator.GetAsync("/api/v1/impact?from=2026-11-01&to=2026-11-30&format=csv-excel-fr")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains("Indicateur;Période;Période précédente;Un an avant;Définition\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var plain = await (await coordinator.GetAsync("/api/v1/impact?from=2026-11-01&to=2026-11-30&format=csv")).Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, plain[0]);
        Assert.Contains("Indicateur,Période,", Encoding.UTF8.GetString(plain), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_XLSX_export_opens_in_LibreOffice_with_the_same_numbers_as_the_API()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        Skip.If(soffice is null, "LibreOffice is not installed (CI installs libreoffice-calc).");
        var coordinator = await app.SignedInAsync(TestSite.Coordinator);
        // A visit of its own, so the numbers compared are not zeros.
        var booked = await coordinator.BookAsync(app.Site.Washer2, "2026-12-01T09:00", app.Site.Households[2]);
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode);
        const string period = "from=2026-12-01&to=2026-12-31";
        var figures = (await (await coordinator.GetAsync($"/api/v1/impact?{period}")).JsonAsync()).GetProperty("figures");
        Assert.True(figures.GetProperty("householdsServed").GetInt32() >= 1);
        var folder = Directory.CreateTempSubdirectory("impact-xlsx").FullName;
        var xlsx = Path.Combine(folder, "impact.xlsx");
        await File.WriteAllBytesAsync(xlsx, await (await coordinator.GetAsync($"/api/v1/impact?{period}&format=xlsx")).Content.ReadAsByteArrayAsync());

        // The first sheet (the headline figures) as CSV, written by LibreOffice itself.
        using var process = Process.Start(new ProcessStartInfo(soffice!, $"--headless -env:UserInstallation=file://{folder}/profile --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76,1 --outdir {folder} {xlsx}")
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        var rows = (await File.ReadAllLinesAsync(Path.Combine(folder, "impact.csv"))).Select(l => l.Split(',')).ToList();
        var served = rows.Single(r => r[0].Trim('"') == "Ménages servis");
        Assert.Equal(figures.GetProperty("householdsServed").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), served[1].Trim('"'));
        var visits = rows.Single(r => r[0].Trim('"') == "Venues");
        Assert.Equal(figures.GetProperty("visits").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), visits[1].Trim('"'));
    }
}
