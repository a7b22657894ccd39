using CantinaOps.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Desk;

public static class DeskServices
{
    public static IServiceCollection AddDesk(this IServiceCollection services) => services
        .AddSingleton(sp => new WalkInPolicy(NodaTime.Duration.FromMinutes(sp.GetRequiredService<IOptions<DeskOptions>>().Value.WalkInMarginMinutes)))
        .AddHostedService<Households.SearchTextBackfill>()
        .AddScoped<TodayBoard>()
        .AddScoped<BookingActions>()
        .AddScoped<BookFlow>()
        .AddScoped<OutOfOrderService>()
        .AddScoped<Households.HouseholdRegistration>()
        .AddScoped<Households.HouseholdMerge>()
        .AddScoped<Households.HouseholdHistory>();
}
