namespace CantinaOps.Web.Features.Partner;

public static class PartnerServices
{
    public static IServiceCollection AddPartners(this IServiceCollection services) => services
        .AddScoped<PartnerScheduling>()
        .AddScoped<SessionReports>()
        .AddScoped<CalendarFeeds>()
        .AddScoped<PartnerCalendar>();
}
