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

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string NativeName(string tag) =>
        Languages.Supported.FirstOrDefault(l => l.Tag == tag).NativeName ?? tag;
}
