using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>
/// The real app started as a process of its own on 127.0.0.1, on the database of an in-process
/// <see cref="AppFactory"/> (which seeded it): the way a second server of a site runs. Its clock starts at
/// <see cref="AppFactory.Now"/> and runs at the real pace, so the test site's dates hold whatever day the test runs.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private Process _process;

    private AppServer(ProcessStartInfo start, Process process, Uri address)
    {
        _start = start;
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the process wrote (warnings and errors), for a failing test's message.</summary>
    public string Output => string.Join("\n", Lines);

    private System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    /// <param name="name">Told to the SMS provider stub as <c>?server=</c>, so a test sees which server sent what.</param>
    public static async Task<AppServer> StartAsync(AppFactory app, string name, bool jobs, string? smsUrl = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var web = Path.Combine(RepositoryRoot(), "src", "CantinaOps.Web");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "CantinaOps.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
                ["Testing__ClockStart"] = NodaTime.Text.InstantPattern.General.Format(AppFactory.Now),
                ["Database__Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite",
                ["ConnectionStrings__Default"] = app.ConnectionString,
                ["App__PublicUrl"] = AppFactory.PublicUrl,
                ["Jobs__Enabled"] = jobs ? "true" : "false",
                ["Jobs__StoragePath"] = Path.Combine(Path.GetTempPath(), "cantinaops-tests", $"hangfire-{Guid.NewGuid():N}.db"),
                ["Security__AccessTokenMinutes"] = "1440",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Messaging__Sms__Url"] = smsUrl is null ? "" : $"{smsUrl}?server={name}",
                ["Messaging__Sms__ApiKey"] = "test-key",
            },
        };
        foreach (var purpose in Enum.GetNames<CantinaOps.Web.Features.Account.Purpose>())
        {
            // The tests sign in often from one address; the limits have tests of their own.
            start.Environment[$"Security__RateLimits__{purpose}__PerAddress"] = "1000000";
            start.Environment[$"Security__RateLimits__{purpose}__PerAccount"] = "1000000";
        }

        var server = new AppServer(start, null!, address);
        server._process = server.Launch(start);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Stops the process (as a service manager would) and starts it again on the same address.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _process = Launch(_start);
        await WaitUntilHealthyAsync();
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(120),
        };

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private Process Launch(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Lines.Enqueue(line);
        while (Lines.Count > 200 && Lines.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app process stopped at start (exit code {_process.ExitCode}):\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app at {Address} did not answer /health within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
}
