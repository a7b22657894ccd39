using System.Globalization;
using CantinaOps.Domain.Households;
using Microsoft.AspNetCore.Localization;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// The languages of the interface are those offered to families. The choice is kept in the culture
/// cookie; a family's choice is also stored on its household and restored when it signs in.
/// </summary>
public static class Localization
{
    private static readonly Dictionary<string, CultureInfo> ByTag =
        Languages.Supported.ToDictionary(l => l.Tag, l => Gregorian(l.Tag), StringComparer.Ordinal);

    public static IReadOnlyList<CultureInfo> Cultures { get; } = Languages.Supported.Select(l => ByTag[l.Tag]).ToList();

    /// <summary>
    /// The one culture of a language, for pages, messages, slips, PDFs and feeds alike: an unknown tag gets
    /// the closest offered language, else French.
    /// </summary>
    public static CultureInfo Culture(string? tag) => ByTag[Languages.Closest(tag) ?? Languages.Default];

    // One calendar everywhere: .NET's fa-AF and ps cultures default to the Persian solar calendar, whose month
    // names (قوس) would then be put on Gregorian day numbers. Every language gets the Gregorian calendar with
    // its own names for the Gregorian months (Dari جنوری … دسمبر, Arabic يناير … ديسمبر).
    private static CultureInfo Gregorian(string tag)
    {
        var culture = new CultureInfo(tag, useUserOverride: false);
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().First();
        }

        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>
    /// False for the scripts PDFsharp cannot draw with the shipped fonts: Pashto's own letters (ښ, ټ…) have no
    /// presentation forms to shape them with, and the fonts have no Ethiopic (Tigrinya). Such pages are
    /// printed from their HTML twin by the browser.
    /// </summary>
    public static bool PdfCanDraw(string tag) => Languages.Closest(tag) is not ("ps" or "ti");

    public static IServiceCollection AddCantinaOpsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = Cultures.ToList();
            options.SupportedUICultures = Cultures.ToList();
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new ClosestAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    public static void RememberCulture(this HttpResponse response, string tag) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(tag)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>
    /// Speaks another language for a while (a family's message, a French slip, the Friday plans):
    /// <c>using var _ = Localization.Use(culture);</c> — the previous culture comes back on dispose.
    /// </summary>
    public static IDisposable Use(CultureInfo culture) => new CultureScope(culture);

    private sealed class CultureScope : IDisposable
    {
        private readonly (CultureInfo Culture, CultureInfo UiCulture) _previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _previous;
    }

    /// <summary>
    /// The browser's languages, best first, each mapped to the closest offered one (fa-IR → Dari, ps-AF → Pashto);
    /// ASP.NET's own provider only tries the exact tag and its parents, so fa-IR and fa found nothing.
    /// </summary>
    private sealed class ClosestAcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.Headers.AcceptLanguage;
            if (header.Count == 0 || !Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(header, out var values))
            {
                return NullProviderCultureResult;
            }

            var tag = values.Where(v => v.Quality is not <= 0)
                .OrderByDescending(v => v.Quality ?? 1)
                .Take(10)
                .Select(v => Languages.Closest(v.Value.Value))
                .FirstOrDefault(t => t is not null);
            return Task.FromResult(tag is null ? null : new ProviderCultureResult(tag));
        }
    }

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string NativeName(string tag) =>
        Languages.Supported.FirstOrDefault(l => l.Tag == tag).NativeName ?? tag;
}
