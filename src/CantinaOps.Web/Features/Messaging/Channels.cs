using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CantinaOps.Web.Features.Messaging;

public sealed record Attachment(string FileName, byte[] Content);

public sealed record OutgoingMessage(string To, string? Subject, string Text, string Reference, IReadOnlyList<Attachment>? Attachments = null);

/// <summary>Sends a text message; returns the provider's reference. Throws when the provider refuses.</summary>
public interface ISmsSender
{
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

public interface IEmailSender
{
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

public sealed class SmsOptions
{
    public const string Section = "Messaging:Sms";

    /// <summary>False until an API key is set: messages that would go by SMS then wait on the desk's list.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Brevo's transactional SMS endpoint by default; any compatible endpoint in tests.</summary>
    [System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.Url]
    public string Url { get; set; } = "https://api.brevo.com/v3/transactionalSMS/sms";
    public string? ApiKey { get; set; }
    [System.ComponentModel.DataAnnotations.Required]
    public string Sender { get; set; } = "CantinaOps";
}

/// <summary>
/// Brevo (ex-Sendinblue) transactional SMS: POST {sender, recipient, content, type, tag} with an
/// <c>api-key</c> header. The dispatch key travels as the tag so a message can be traced at the provider.
/// </summary>
public sealed class BrevoSmsSender(HttpClient http, Microsoft.Extensions.Options.IOptions<SmsOptions> options) : ISmsSender
{
    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new
            {
                sender = settings.Sender,
                recipient = message.To.TrimStart('+'),
                content = message.Text,
                type = "transactional",
                tag = message.Reference,
            }),
        };
        request.Headers.Add("api-key", settings.ApiKey ?? string.Empty);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"SMS provider answered {(int)response.StatusCode}.");
        }

        // Accepted: from here on the message is sent, whatever the body looks like. Failing now would
        // make the dispatch retry and the family receive it twice.
        try
        {
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
            return body.TryGetProperty("messageId", out var id) ? id.ToString()
                : body.TryGetProperty("reference", out var reference) ? reference.ToString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

public sealed class SmtpOptions
{
    public const string Section = "Messaging:Smtp";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Unset: e-mail is not configured, and messages that would go by e-mail wait on the desk's list.</summary>
    public string? Host { get; set; }
    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls (port 587) or SslOnConnect (port 465).</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(None|Auto|StartTls|StartTlsWhenAvailable|SslOnConnect)$")]
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CantinaOps <no-reply@cantinaops.local>";
}

/// <summary>E-mail over SMTP with MailKit. The Message-ID is derived from the dispatch key, so a copy is recognisable.</summary>
public sealed class SmtpEmailSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject ?? "CantinaOps";
        mime.MessageId = $"{message.Reference.Replace(':', '.')}@cantinaops";
        var body = new BodyBuilder { TextBody = message.Text };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, new ContentType("application", "pdf"));
        }

        mime.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Messaging:Smtp:Host is not set."), settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return mime.MessageId;
    }
}
