namespace CantinaOps.Web.Features.Impact;

public static class ImpactServices
{
    public static IServiceCollection AddImpact(this IServiceCollection services) => services
        .AddScoped<ImpactQueries>()
        .AddScoped<ImpactExports>()
        .AddScoped<ImpactReports>();
}
