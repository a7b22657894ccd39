using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CantinaOps.Web.Tests.Storage;

/// <summary>An install from before the keys moved into the database: its key files are there at start.</summary>
public sealed class KeyFilesApp : AppFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cantinaops-tests", $"keys-{Guid.NewGuid():N}");

    public Guid OldKey { get; private set; }

    public override Task InitializeAsync()
    {
        // The earlier version's way: keys as XML files in a folder.
        var old = DataProtectionProvider.Create(new DirectoryInfo(Folder));
        old.CreateProtector("any").Protect("anything");
        OldKey = Guid.Parse(Path.GetFileNameWithoutExtension(Directory.GetFiles(Folder, "key-*.xml").Single())["key-".Length..]);
        return base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:KeysFolder", Folder);
    }
}

public class KeyImportTests(KeyFilesApp app) : IClassFixture<KeyFilesApp>
{
    [Fact]
    public async Task Key_files_of_an_earlier_version_move_into_the_database_once_and_stay_in_the_key_ring()
    {
        Assert.Equal(1, await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync(k => k.FriendlyName == $"key-{app.OldKey}")));
        var ring = app.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.Contains(ring, k => k.KeyId == app.OldKey);

        // A second start does not import them again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await CantinaOps.Web.Infrastructure.KeyStore.ImportKeyFilesAsync(
                scope.ServiceProvider.GetRequiredService<CantinaOps.Web.Data.CantinaOpsDb>(), app.Folder);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync(k => k.FriendlyName == $"key-{app.OldKey}")));
    }
}
