namespace CantinaOps.Web.Features.Family;

public static class FamilyServices
{
    public static IServiceCollection AddFamily(this IServiceCollection services) => services
        .AddScoped<FamilyAccessService>()
        .AddScoped<FamilyBookings>()
        .AddScoped<FamilyNames>();
}
