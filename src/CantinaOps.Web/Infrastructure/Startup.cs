using CantinaOps.Web.Data;
using CantinaOps.Web.Data.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CantinaOps.Web.Infrastructure;

public static class Startup
{
    /// <summary>Migrates the database, then seeds the demo site when asked and the database is empty.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        await Database.MigrateAsync(db);
        var keys = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeysOptions>>().Value.KeysFolder;
        await KeyStore.ImportKeyFilesAsync(db, Path.Combine(app.Environment.ContentRootPath, keys));
        // Every role exists, also in a database made before a role was added (the funder's).
        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
            }
        }

        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
    }
}

public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(no address)";
        Console.WriteLine();
        Console.WriteLine($"CantinaOps is running: open {url}");
        if (app.Environment.IsDevelopment() || Environment.GetCommandLineArgs().Contains("--seed-demo"))
        {
            Console.WriteLine($"Demo sign-in (demo data only): desk@demo.cantinaops.org, coordinator@demo.cantinaops.org, " +
                $"partner@demo.cantinaops.org, funder@demo.cantinaops.org — password {DemoSeeder.DemoPassword}");
            Console.WriteLine($"Demo families: {url}/Family/SignIn — any demo household code (e.g. {DemoSeeder.FirstFamilyCode ?? "from the desk's household list"}) with PIN {DemoSeeder.DemoFamilyPin}");
        }

        Console.WriteLine($"API documentation: {url}/openapi/v1.json");
        Console.WriteLine();
    }
}
