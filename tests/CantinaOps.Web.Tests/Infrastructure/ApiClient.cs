using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CantinaOps.Web.Tests.Infrastructure;

public static class ApiClient
{
    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string email)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestSite.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, int resourceId, string start, int householdId) =>
        client.PostAsJsonAsync("/api/v1/bookings", new { resourceId, start, householdId });

    public static Task<HttpResponseMessage> BookBlockAsync(this HttpClient client, int resourceId, string start, string end,
        int partnerId) =>
        client.PostAsJsonAsync("/api/v1/bookings", new { resourceId, start, end, partnerId });
}
