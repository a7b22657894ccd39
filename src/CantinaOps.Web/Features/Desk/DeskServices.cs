namespace CantinaOps.Web.Features.Desk;

public static class DeskServices
{
    public static IServiceCollection AddDesk(this IServiceCollection services) => services
        .AddScoped<TodayBoard>()
        .AddScoped<BookingActions>()
        .AddScoped<BookFlow>()
        .AddScoped<OutOfOrderService>()
        .AddScoped<Households.HouseholdRegistration>()
        .AddScoped<Households.HouseholdMerge>();
}
