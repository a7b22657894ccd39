using CantinaOps.Web.Features.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>The app wired to a real SMTP server and a real SMS HTTP stub, both on 127.0.0.1.</summary>
public sealed class MessagingApp : AppFactory
{
    public SmtpSink Smtp { get; } = new();

    public SmsStub Sms { get; private set; } = null!;

    public TestFaults Faults { get; } = new();

    public override async Task InitializeAsync()
    {
        Sms = await SmsStub.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Sms:Url", Sms.Url);
        builder.UseSetting("Messaging:Sms:ApiKey", "test-key");
        builder.UseSetting("Messaging:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Messaging:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Smtp:Security", "None");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDispatchFaults>();
            services.AddSingleton<IDispatchFaults>(Faults);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Sms.DisposeAsync();
    }

    /// <summary>Stops "the process" right after the provider accepted a message, before it is marked sent.</summary>
    public sealed class TestFaults : IDispatchFaults
    {
        public Func<Dispatch, bool> CrashAfterSend { get; set; } = _ => false;

        public void AfterSend(Dispatch dispatch)
        {
            if (CrashAfterSend(dispatch))
            {
                throw new SimulatedCrashException();
            }
        }
    }

    public sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("The process stopped between sending and marking.")
        {
        }
    }
}
