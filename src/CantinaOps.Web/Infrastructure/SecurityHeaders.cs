namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// Browser protections on every answer (NetEscapades.AspNetCore.SecurityHeaders): scripts, styles and
/// images from the app's own address only, no inline script, never framed (the desk's one-tap actions
/// cannot be clickjacked), no MIME sniffing, no Referer (sign-in links and feed tokens live in URLs),
/// no camera, microphone or location. HSTS goes out on HTTPS requests only — behind a reverse proxy
/// that terminates TLS, once the forwarded headers say the request came over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    private const int OneYear = 365 * 24 * 3600;

    public static IApplicationBuilder UseCantinaOpsSecurityHeaders(this IApplicationBuilder app)
    {
        // Hangfire's dashboard (coordinators only) writes inline script and styles of its own.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(BackgroundJobs.DashboardPath),
            dashboard => dashboard.UseSecurityHeaders(Policies(allowInline: true)));
        return app.UseWhen(c => !c.Request.Path.StartsWithSegments(BackgroundJobs.DashboardPath),
            pages => pages.UseSecurityHeaders(Policies(allowInline: false)));
    }

    private static HeaderPolicyCollection Policies(bool allowInline) => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddStrictTransportSecurityMaxAgeIncludeSubDomains(OneYear)
        .AddCrossOriginOpenerPolicy(p => p.SameOrigin())
        .RemoveServerHeader()
        .AddPermissionsPolicyWithDefaultSecureDirectives()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            if (allowInline)
            {
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
            }
            else
            {
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
            }
        });
}
