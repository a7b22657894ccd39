namespace CantinaOps.Web.Features.Coordinator;

public static class CoordinatorServices
{
    public static IServiceCollection AddCoordinator(this IServiceCollection services) => services
        .AddScoped<SiteSettings>()
        .AddScoped<AccountAdministration>()
        .AddScoped<AffectedBookings>();
}
