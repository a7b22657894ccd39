using System.ComponentModel.DataAnnotations;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Desk.Households;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using CantinaOps.Web.Features.Scheduling;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// Every configuration key of the app (except <c>Security:*</c>, read by the sign-in rate limit) is bound
/// to one of these classes and checked at start: a mistyped value stops the app naming the key, instead
/// of misbehaving weeks later. The README's Configuration section lists the same keys and defaults.
/// </summary>
public static class AppOptions
{
    public static IServiceCollection AddCantinaOpsOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<DatabaseOptions>(services, configuration, DatabaseOptions.Section);
        Add<ConnectionStringOptions>(services, configuration, ConnectionStringOptions.Section);
        Add<JobsOptions>(services, configuration, JobsOptions.Section);
        Add<KeysOptions>(services, configuration, KeysOptions.Section);
        Add<SchedulingOptions>(services, configuration, SchedulingOptions.Section);
        Add<SmsOptions>(services, configuration, SmsOptions.Section);
        Add<SmtpOptions>(services, configuration, SmtpOptions.Section);
        Add<ReminderOptions>(services, configuration, ReminderOptions.Section);
        Add<MessagingOptions>(services, configuration, MessagingOptions.Section);
        Add<RetentionOptions>(services, configuration, RetentionOptions.Section);
        Add<PrintingOptions>(services, configuration, PrintingOptions.Section);
        Add<Features.Desk.DeskOptions>(services, configuration, Features.Desk.DeskOptions.Section);
        return services;
    }

    /// <summary>
    /// Options needed while services are registered, before the container exists (the database file,
    /// the jobs' storage): read and checked at once, with the same rules as at start.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(section, typeof(T),
                errors.Select(e => $"{section}:{string.Join(", ", e.MemberNames)}: {e.ErrorMessage}"));
        }

        return value;
    }

    private static void Add<T>(IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary><c>Jobs:*</c>: the in-process Hangfire server.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;

    /// <summary>Hangfire's SQLite file; a relative path is taken from the app's folder.</summary>
    [Required]
    public string StoragePath { get; set; } = "data/hangfire.db";

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;
}

/// <summary><c>DataProtection:*</c>: the folder where versions before the keys moved into the database kept them
/// (read once, see <see cref="KeyStore.ImportKeyFilesAsync"/>).</summary>
public sealed class KeysOptions
{
    public const string Section = "DataProtection";

    [Required]
    public string KeysFolder { get; set; } = "data/keys";
}
