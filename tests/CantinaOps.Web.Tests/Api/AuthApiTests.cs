using System.Net;
using System.Net.Http.Json;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Api;

public class AuthApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Good_credentials_give_a_bearer_token_that_opens_the_api()
    {
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TestSite.Desk, password = TestSite.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/resources")).StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_answer_401_with_a_problem_body()
    {
        var client = app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TestSite.Coordinator, password = "nope" });
        var unknownUser = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "who@example.org", password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TestSite.PartnerBUser, password = "wrong-" + i });
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = TestSite.PartnerBUser, password = TestSite.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }
}
