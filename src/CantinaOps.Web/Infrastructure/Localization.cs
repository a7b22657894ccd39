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
    public static IReadOnlyList<CultureInfo> Cultures { get; } =
        Languages.Supported.Select(l => CultureInfo.GetCultureInfo(l.Tag)).ToList();

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
                new AcceptLanguageHeaderRequestCultureProvider(),
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

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string NativeName(string tag) =>
        Languages.Supported.FirstOrDefault(l => l.Tag == tag).NativeName ?? tag;
}
