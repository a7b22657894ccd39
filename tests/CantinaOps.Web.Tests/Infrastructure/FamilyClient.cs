using System.Net;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Family;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Infrastructure;

public static class FamilyClient
{
    /// <summary>Gives a test household its PIN and link, as the desk does when registering it.</summary>
    public static async Task<FamilyAccessService.Secrets> IssueAccessAsync(this AppFactory app, int householdId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var household = await db.Households.SingleAsync(h => h.Id == householdId);
        var secrets = await scope.ServiceProvider.GetRequiredService<FamilyAccessService>().IssueAsync(household, CancellationToken.None);
        await db.SaveChangesAsync();
        return secrets;
    }

    public static async Task<HttpClient> SignedInFamilyAsync(this AppFactory app, int householdId)
    {
        var secrets = await app.IssueAccessAsync(householdId);
        var code = await app.WithDbAsync(db => db.Households.Where(h => h.Id == householdId).Select(h => h.Code).SingleAsync());
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/Family/SignIn", new Dictionary<string, string> { ["Code"] = code, ["Pin"] = secrets.Pin });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
