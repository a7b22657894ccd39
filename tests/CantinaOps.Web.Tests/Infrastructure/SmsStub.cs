using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CantinaOps.Web.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 answering like Brevo's transactional SMS endpoint, keeping each request.</summary>
public sealed class SmsStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SmsStub(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>The <c>?server=</c> of each message's request, when the sending app names itself (see <see cref="AppServer"/>).</summary>
    public ConcurrentQueue<string> Senders { get; } = new();

    public string Url => _app.Urls.First() + "/v3/transactionalSMS/sms";

    public static async Task<SmsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SmsStub(app);
        app.MapPost("/v3/transactionalSMS/sms", async (HttpRequest request) =>
        {
            if (request.Headers["api-key"] != "test-key")
            {
                return Results.Unauthorized();
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            stub.Received.Enqueue(body);
            stub.Senders.Enqueue(request.Query["server"].ToString());
            return Results.Json(new { reference = Guid.NewGuid().ToString("N"), messageId = stub.Received.Count });
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
