using System.Net;
using System.Net.Http.Json;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CantinaOps.Web.Tests.Security;

/// <summary>The production budgets, except where a test names a smaller one to reach it quickly.</summary>
public sealed class ProductionLimitsApp : AppFactory
{
    protected override bool GenerousRateLimits => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RateLimits:ApiSignIn:PerAddress", "20");
        builder.UseSetting("Security:RateLimits:StaffSignIn:PerAccount", "3");
    }
}

public class RateLimitTests(ProductionLimitsApp app) : IClassFixture<ProductionLimitsApp>
{
    [Fact]
    public async Task Api_logins_beyond_the_address_budget_are_answered_429_with_a_problem_and_close_nothing_else()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"guess{i}@example.org", password = "x" });
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : refused;
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.JsonAsync()).GetProperty("status").GetInt32());

        // Every other purpose still has its own budget.
        var family = await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = "TAA-01", ["Pin"] = "000000" });
        var staff = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "a@example.org", ["Input.Password"] = "x" });
        var link = await client.GetAsync("/f/not-a-real-token");
        var feed = await client.GetAsync("/feeds/0000.ics");
        Assert.Equal(HttpStatusCode.OK, family.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
    }

    [Fact]
    public async Task Opening_a_sign_in_page_spends_nothing()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Family/SignIn")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        }
    }

    [Fact]
    public async Task One_account_has_its_own_budget_whatever_the_address()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = "target@example.org", ["Input.Password"] = $"x{i}",
            })).StatusCode);
        }

        var other = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "other@example.org", ["Input.Password"] = "x" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Sixty_families_of_one_hotel_sign_in_from_one_address_within_a_minute()
    {
        var signedIn = 0;
        foreach (var household in app.Site.Households.Skip(100).Take(60))
        {
            await app.SignedInFamilyAsync(household); // asserts the redirect of a successful sign-in
            signedIn++;
        }

        Assert.Equal(60, signedIn);
    }
}
