namespace CantinaOps.Web.Features.Waitlist;

public static class WaitlistServices
{
    public static IServiceCollection AddWaitlist(this IServiceCollection services) => services.AddScoped<WaitlistService>();
}
