using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Bookings;

namespace CantinaOps.Web.Features.Scheduling;

public static class SchedulingServices
{
    /// <summary>The rules cache, availability, the booking engine and the audit trail every area writes to.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services) => services
        .AddSingleton<ScheduleCache>()
        .AddScoped<AvailabilityQuery>()
        .AddScoped<BookingService>()
        .AddScoped<AuditLog>()
        .AddScoped<AuditQuery>();
}
