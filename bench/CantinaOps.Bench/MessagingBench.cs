using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CantinaOps.Bench;

/// <summary>10,000 due messages through a real SMTP server on 127.0.0.1: planning time, drain time, messages per second.</summary>
internal static class MessagingBench
{
    public static async Task RunAsync(string folder, int count)
    {
        var received = 0;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore(() => Interlocked.Increment(ref received)));
        using var stop = new CancellationTokenSource();
        var smtp = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);

        await using var app = new WebApplicationFactory<CantinaOps.Web.SharedResource>().WithWebHostBuilder(b => b
            .UseSolutionRelativeContentRoot("src/CantinaOps.Web", "CantinaOps.sln")
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "messaging.db")}")
            .UseSetting("DataProtection:KeysFolder", Path.Combine(folder, "keys"))
            .UseSetting("Jobs:Enabled", "false")
            .UseSetting("Jobs:StoragePath", Path.Combine(folder, "hangfire.db"))
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("Messaging:Smtp:Host", "127.0.0.1")
            .UseSetting("Messaging:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Messaging:Smtp:Security", "None"));
        _ = app.Server;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
            var now = BenchClock.Now;
            var site = new Site("Bench", "Europe/Paris");
            var pro = site.AddSpace("Pro kitchen", SpaceKind.ProfessionalKitchen, Duration.Zero, 365);
            var kitchen = pro.AddResource("Kitchen", ResourceKind.ProfessionalKitchen);
            db.Sites.Add(site);
            var partner = new Partner("Bench partner", "bench@partner.test");
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            var booking = Booking.ForPartner(kitchen.Id, new Interval(now + Duration.FromDays(3), now + Duration.FromDays(3) + Duration.FromHours(4)),
                partner.Id, BookedBy.Coordinator, null, now);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            db.Notices.AddRange(Enumerable.Range(0, count).Select(_ => new Notice(NoticeKind.BookingMoved, booking.Id, null, partner.Id, now)));
            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchPlanner>().PlanAsync(CantinaOps.Domain.Messaging.ReminderSettings.Default, CancellationToken.None);
        }

        var planned = watch.Elapsed;
        watch.Restart();
        var sent = await app.Services.GetRequiredService<DispatchSender>().DrainAsync(16, CancellationToken.None);
        var drained = watch.Elapsed;
        await stop.CancelAsync();
        Console.WriteLine($"Messages: {count:N0} due e-mails planned in {planned.TotalSeconds:F1} s, drained through SMTP on 127.0.0.1 in " +
            $"{drained.TotalSeconds:F1} s = {sent / drained.TotalSeconds:F0} messages/s ({sent:N0} sent, {received:N0} received by the server)");
    }

    private sealed class CountingStore(Action onMessage) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            onMessage();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
