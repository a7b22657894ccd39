using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Security;

/// <summary>Nothing tells whether an account, a household code or a phone number exists: not the answer, not its time.</summary>
public partial class EnumerationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string> ErrorOfAsync(HttpResponseMessage page) =>
        ValidationSummary().Match(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync())).Value;

    [GeneratedRegex("<div class=\"[^\"]*validation-summary[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ValidationSummary();

    private static async Task<List<string>> FiveWrongThenOneMoreAsync(HttpClient client, string page, Func<int, Dictionary<string, string>> fields,
        string? action = null)
    {
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await ErrorOfAsync(await client.SubmitAsync(page, fields(i), action)));
        }

        return answers;
    }

    [Fact]
    public async Task A_staff_e_mail_that_exists_and_one_that_does_not_get_the_same_answers_and_both_lock()
    {
        var (_, known) = await app.NewStaffAsync(Roles.Desk);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.cantinaops.org";
        var client = app.CreateClient();

        var forKnown = await FiveWrongThenOneMoreAsync(client, "/Account/Login",
            i => new() { ["Input.Email"] = known, ["Input.Password"] = $"wrong-{i}" });
        var forUnknown = await FiveWrongThenOneMoreAsync(client, "/Account/Login",
            i => new() { ["Input.Email"] = unknown, ["Input.Password"] = $"wrong-{i}" });

        Assert.Equal(forKnown, forUnknown);
        Assert.Contains("incorrect", forKnown[0], StringComparison.Ordinal);
        Assert.Contains("bloqué", forKnown[4], StringComparison.Ordinal);
        Assert.Contains("bloqué", forUnknown[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_a_deactivated_an_unknown_and_a_wrong_password_alike()
    {
        var (id, deactivated) = await app.NewStaffAsync(Roles.Desk);
        var coordinator = await app.SignedInBrowserAsync(TestSite.Coordinator);
        await coordinator.SubmitAsync("/Coordinator/Accounts", new Dictionary<string, string> { ["active"] = "False" },
            $"/Coordinator/Accounts?handler=Active&id={id}");
        var client = app.CreateClient();

        var bodies = new List<string>();
        foreach (var (email, password) in new[] { (deactivated, TestSite.Password), ("nobody@test.cantinaops.org", TestSite.Password), (TestSite.Desk, "wrong") })
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.JsonAsync();
            bodies.Add($"{body.GetProperty("title")} {body.GetProperty("detail")}"); // all but the trace id
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task An_unknown_household_code_says_too_many_tries_after_five_like_a_real_one()
    {
        await app.IssueAccessAsync(app.Site.Households[120]); // TBB-20
        var client = app.CreateClient();

        var forKnown = await FiveWrongThenOneMoreAsync(client, "/Family/SignIn", i => new() { ["Code"] = "TBB-20", ["Pin"] = $"99999{i}" });
        var forUnknown = await FiveWrongThenOneMoreAsync(client, "/Family/SignIn", i => new() { ["Code"] = "ZZZ-77", ["Pin"] = $"99999{i}" });

        Assert.Equal(forKnown, forUnknown);
        Assert.Contains("Trop d'essais", forUnknown[4], StringComparison.Ordinal);
        Assert.Contains("Trop d'essais", forUnknown[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_phone_is_answered_like_a_known_one_and_five_wrong_phone_codes_do_not_lock_the_pin()
    {
        var id = app.Site.Households[121];
        var secrets = await app.IssueAccessAsync(id);
        await app.WithDbAsync(async db =>
        {
            var household = await db.Households.SingleAsync(h => h.Id == id);
            household.Update(household.Size, household.Language, null, "+33612345121", null);
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var sentKnown = await ErrorOfAsync(await client.SubmitAsync("/Family/Phone", new Dictionary<string, string> { ["Phone"] = "0612345121" }, "/Family/Phone?handler=Send"));
        var sentUnknown = await ErrorOfAsync(await client.SubmitAsync("/Family/Phone", new Dictionary<string, string> { ["Phone"] = "0699999999" }, "/Family/Phone?handler=Send"));

        var forKnown = await FiveWrongThenOneMoreAsync(client, "/Family/Phone",
            i => new() { ["Phone"] = "0612345121", ["OneTimeCode"] = $"00000{i}" }, "/Family/Phone?handler=Verify");
        var forUnknown = await FiveWrongThenOneMoreAsync(client, "/Family/Phone",
            i => new() { ["Phone"] = "0699999999", ["OneTimeCode"] = $"00000{i}" }, "/Family/Phone?handler=Verify");
        var code = await app.WithDbAsync(db => db.HouseholdAccess.Where(a => a.HouseholdId == id).Select(a => a.OneTimeCodeForDesk).SingleAsync());
        var rightCodeWhileLocked = await client.SubmitAsync("/Family/Phone", new Dictionary<string, string> { ["Phone"] = "0612345121", ["OneTimeCode"] = code! },
            "/Family/Phone?handler=Verify");
        var pin = await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-21", ["Pin"] = secrets.Pin });

        Assert.Equal(sentKnown, sentUnknown);
        Assert.Equal(forKnown, forUnknown);
        Assert.Contains("Trop d'essais", forUnknown[5], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightCodeWhileLocked.StatusCode); // the phone way is locked...
        Assert.Equal("/Family", pin.Headers.Location?.OriginalString); // ...the PIN way is not
    }

    [Fact]
    public async Task A_new_pin_from_the_desk_opens_a_locked_code_again()
    {
        var id = app.Site.Households[122];
        await app.IssueAccessAsync(id);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FiveWrongThenOneMoreAsync(client, "/Family/SignIn", i => new() { ["Code"] = "TBB-22", ["Pin"] = $"99999{i}" });

        var secrets = await app.IssueAccessAsync(id);
        var signIn = await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TBB-22", ["Pin"] = secrets.Pin });

        Assert.Equal("/Family", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_takes_about_as_long_for_an_unknown_e_mail_as_for_a_known_one()
    {
        var (_, known) = await app.NewStaffAsync(Roles.Desk);
        var client = app.CreateClient();
        async Task<double> TimeAsync(string email, string password)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            watch.Stop();
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        await TimeAsync(known, TestSite.Password); // warm up both paths
        await TimeAsync("warm-up@test.cantinaops.org", "x");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            if (i % 4 == 3)
            {
                await TimeAsync(known, TestSite.Password); // a success wipes the count: the known account never locks here
            }

            knownTimes.Add(await TimeAsync(known, $"wrong-{i}"));
            unknownTimes.Add(await TimeAsync($"nobody-{i}@test.cantinaops.org", $"wrong-{i}"));
        }

        var knownMedian = Median(knownTimes);
        var unknownMedian = Median(unknownTimes);
        Assert.True(knownMedian < 2 * unknownMedian && unknownMedian < 2 * knownMedian,
            $"median known {knownMedian:0.0} ms, unknown {unknownMedian:0.0} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
