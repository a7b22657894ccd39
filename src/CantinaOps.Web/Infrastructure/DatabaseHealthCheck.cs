using CantinaOps.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CantinaOps.Web.Infrastructure;

public sealed class DatabaseHealthCheck(CantinaOpsDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
