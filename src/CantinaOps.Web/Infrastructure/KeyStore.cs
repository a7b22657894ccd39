using CantinaOps.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// The keys that sign cookies, antiforgery tokens, bearer tokens and the printed QR links live in the database,
/// on both engines: every app server reads the same keys (a session or a form started on one server is honoured
/// by the other, and by both after a restart), and a backup of the database carries them with the bookings.
/// </summary>
public static class KeyStore
{
    /// <summary>
    /// With PostgreSQL, one name for every server (the default is each server's install folder, which would make a
    /// cookie of one server unreadable by the other). With SQLite the default is kept: one server, one folder, and
    /// the cookies and printed QR codes made before the keys moved into the database stay readable.
    /// </summary>
    public const string ApplicationName = "CantinaOps";

    public static IServiceCollection AddCantinaOpsDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection();
        if (AppOptions.Read<DatabaseOptions>(configuration, DatabaseOptions.Section).Provider == DatabaseProvider.Postgres)
        {
            protection.SetApplicationName(ApplicationName);
        }

        protection.PersistKeysToDbContext<CantinaOpsDb>();
        return services;
    }

    /// <summary>
    /// Keys an earlier version kept as files in <c>DataProtection:KeysFolder</c> move into the database once,
    /// so signed-in staff and printed QR links made before the upgrade keep working.
    /// </summary>
    public static async Task ImportKeyFilesAsync(CantinaOpsDb db, string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml"))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
