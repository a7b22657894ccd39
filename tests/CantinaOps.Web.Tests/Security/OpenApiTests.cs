using System.Text.Json;
using CantinaOps.Web.Tests.Infrastructure;

namespace CantinaOps.Web.Tests.Security;

public class OpenApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement> DocumentAsync() => await (await app.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

    private static string[] Names(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

    private static string ProblemRef(JsonElement operation, string status) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("schema").GetProperty("$ref").GetString()!;

    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_which_calls_need_it()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        var resources = document.GetProperty("paths").GetProperty("/api/v1/resources").GetProperty("get");
        var login = document.GetProperty("paths").GetProperty("/api/v1/auth/login").GetProperty("post");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(resources.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.Equal("#/components/schemas/Problem", ProblemRef(resources, "401"));
        Assert.Equal("#/components/schemas/Problem", ProblemRef(resources, "403"));
        Assert.False(login.TryGetProperty("security", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/auth/refresh", out _));
    }

    [Fact]
    public async Task Errors_are_problems_with_the_rule_and_unknown_ids_are_documented_404()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var book = paths.GetProperty("/api/v1/bookings").GetProperty("post");
        var one = paths.GetProperty("/api/v1/bookings/{id}").GetProperty("get");
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem");

        foreach (var status in new[] { "401", "403", "404", "409", "422" })
        {
            Assert.Equal("#/components/schemas/Problem", ProblemRef(book, status));
        }

        Assert.Equal("#/components/schemas/Problem", ProblemRef(one, "404"));
        Assert.Contains("slot-taken", Names(problem.GetProperty("properties").GetProperty("rule").GetProperty("enum")));
        Assert.Contains("quota-reached", Names(problem.GetProperty("properties").GetProperty("rule").GetProperty("enum")));
    }

    [Fact]
    public async Task Only_the_fields_a_call_needs_are_required()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["resourceId", "start"], Names(schemas.GetProperty("CreateBookingRequest").GetProperty("required")));
        Assert.Equal(["email", "password"], Names(schemas.GetProperty("LoginRequest").GetProperty("required")));
        Assert.Equal(["language", "size"], Names(schemas.GetProperty("CreateHouseholdRequest").GetProperty("required")));
        Assert.Equal(["meals"], Names(schemas.GetProperty("MealsBody").GetProperty("required")));
    }
}
