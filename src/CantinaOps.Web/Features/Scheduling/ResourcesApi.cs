using CantinaOps.Domain.Sites;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Scheduling;

public static class ResourcesApi
{
    public sealed record ResourceResponse(int Id, string Name, string Space, string SpaceKind, string Kind, int Capacity);

    public static void MapResourcesApi(this RouteGroupBuilder api) =>
        api.MapGet("/resources", ListAsync)
            .WithSummary("Lists the active resources (machines, stations, kitchens) of the site.");

    private static async Task<IResult> ListAsync(CantinaOpsDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Resources.AsNoTracking().Where(r => r.IsActive)
            .OrderBy(r => r.Space.Kind).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, Space = r.Space.Name, SpaceKind = r.Space.Kind, r.Kind, r.Capacity })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new ResourceResponse(r.Id, r.Name, r.Space,
            ApiNames.Of(r.SpaceKind), ApiNames.Of(r.Kind), r.Capacity)));
    }
}
