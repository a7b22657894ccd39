namespace CantinaOps.Web.Features.Print;

public static class PrintServices
{
    public static IServiceCollection AddPrint(this IServiceCollection services) => services
        .AddScoped<PrintQueries>();
}
