namespace CantinaOps.Web.Features.Impact;

public static class ImpactServices
{
    public static IServiceCollection AddImpact(this IServiceCollection services) => services
        .AddScoped<ImpactQueries>()
        .AddScoped<ImpactExports>()
        .AddScoped<ImpactReports>()
        // The counted days kept between requests, and the marks every save leaves for it.
        .AddSingleton<ImpactDayCache>()
        .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ImpactChanges>();
}
