using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CantinaOps.Web.Tests.Configuration;

public class ConfigurationTests
{
    public static TheoryData<string, string> WrongValues => new()
    {
        { "Messaging:Reminders:EveningAt", "25:00" },
        { "Messaging:Reminders:HoursBefore", "0" },
        { "Messaging:Reminders:PartnerDaysBefore", "30" },
        { "Messaging:Parallelism", "0" },
        { "Messaging:Sms:Url", "not a url" },
        { "Messaging:Smtp:Port", "0" },
        { "Messaging:Smtp:Security", "Tls" },
        { "Scheduling:RulesCacheSeconds", "-1" },
        { "Jobs:WorkerCount", "0" },
        { "Database:Synchronous", "OFF" },
        { "Retention:Months", "0" },
        { "Printing:KeepWeeks", "0" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void A_value_out_of_range_stops_the_app_at_start_naming_the_key(string key, string value)
    {
        using var broken = new AppWith(key, value);

        var error = Assert.ThrowsAny<Exception>(broken.Start);

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(key.Split(':')[^1], messages, StringComparison.Ordinal);
        Assert.Contains(Flatten(error), e => e is Microsoft.Extensions.Options.OptionsValidationException);
    }

    [Theory]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("Database:Synchronous")]
    [InlineData("Scheduling:RulesCacheSeconds")]
    [InlineData("`Jobs:Enabled` / `Jobs:StoragePath` / `Jobs:WorkerCount`")]
    [InlineData("`Messaging:Sms:Url` / `ApiKey` / `Sender`")]
    [InlineData("`Messaging:Smtp:Host` / `Port` / `Security` / `User` / `Password` / `From`")]
    [InlineData("`Messaging:Reminders:EveningAt` / `HoursBefore` / `PartnerDaysBefore`")]
    [InlineData("Messaging:Parallelism")]
    [InlineData("Retention:Months")]
    [InlineData("Printing:KeepWeeks")]
    [InlineData("DataProtection:KeysFolder")]
    public void Every_key_is_listed_in_the_README_s_configuration_table(string key)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..readme.IndexOf("## Decisions", StringComparison.Ordinal)];

        Assert.Contains(key.Contains('`', StringComparison.Ordinal) ? $"| {key} |" : $"| `{key}` |", table, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CantinaOps.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CantinaOps.sln not found above the test folder.");
    }

    private sealed class AppWith(string key, string value) : AppFactory
    {
        public void Start() => StartServer();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
