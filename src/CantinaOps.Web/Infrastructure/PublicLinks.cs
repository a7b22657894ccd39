using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Infrastructure;

/// <summary>The <c>App</c> section: where the app is reached from outside.</summary>
public sealed class PublicAppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address people and calendars use (<c>https://reservations.example.org</c>). Every absolute
    /// link — feeds and their event UIDs, sign-in links and QR codes, set-password links, e-mails — is
    /// built from it, never from the request's Host header, which anyone can set.
    /// </summary>
    [Required]
    public string PublicUrl { get; set; } = string.Empty;
}

[OptionsValidator]
public sealed partial class PublicAppOptionsValidator : IValidateOptions<PublicAppOptions>;

/// <summary>Absolute links to the app, from <see cref="PublicAppOptions.PublicUrl"/>.</summary>
public sealed class PublicLinks
{
    private readonly Uri _base;

    public PublicLinks(IOptions<PublicAppOptions> options)
    {
        if (!Uri.TryCreate(options.Value.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.Query))
        {
            throw new OptionsValidationException(PublicAppOptions.Section, typeof(PublicAppOptions),
                ["App:PublicUrl must be an absolute http(s) address, such as https://reservations.example.org."]);
        }

        _base = url;
    }

    /// <summary>The host named in calendar event UIDs: stable whatever address a request came in by.</summary>
    public string Host => _base.Host;

    /// <param name="pathAndQuery">An app path such as <c>/f/abc</c>, with its query if any.</param>
    public string To(string pathAndQuery) => _base.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery;

    public static IServiceCollection AddPublicLinks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicAppOptions>().Bind(configuration.GetSection(PublicAppOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicAppOptions>, PublicAppOptionsValidator>();
        services.AddSingleton<PublicLinks>();
        return services;
    }
}

/// <summary>
/// Behind a reverse proxy that terminates TLS: the client's address (for rate limits) and the scheme
/// (for HSTS and secure cookies) come from X-Forwarded-For and X-Forwarded-Proto, trusted only from the
/// proxies listed in <c>App:TrustedProxies</c> (loopback always). X-Forwarded-Host is ignored: links
/// come from <c>App:PublicUrl</c>.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddCantinaOpsForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("App:TrustedProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
}
