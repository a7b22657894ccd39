using CantinaOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Infrastructure;

public static class StaffAccount
{
    /// <summary>A fresh account of its own for a test that changes it (deactivates, demotes...), with the test password.</summary>
    public static async Task<(string Id, string Email)> NewStaffAsync(this AppFactory app, string role, int? partnerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.cantinaops.org";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, PartnerId = partnerId };
        var created = await users.CreateAsync(user, TestSite.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return (user.Id, email);
    }
}
