using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Scheduling;

public static class ResourcesApi
{
    /// <param name="SpaceId">What <c>availability?space=</c> takes to list this resource's space only.</param>
    public sealed record ResourceResponse(int Id, string Name, int SpaceId, string Space, string SpaceKind, string Kind, int Capacity);

    public sealed record SpaceResponse(int Id, string Name, string Kind, int MinimumNoticeMinutes, int HorizonDays, bool RequiresApproval);

    public static void MapResourcesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/spaces", ListSpacesAsync)
            .WithSummary("Lists the spaces of the site; an id is what availability's `space` and resources' `spaceId` name.")
            .Produces<SpaceResponse[]>();
        api.MapGet("/resources", ListAsync)
            .WithSummary("Lists the active resources (machines, stations, kitchens) of the site, each with the id of its space.")
            .Produces<ResourceResponse[]>();
    }

    private static async Task<IResult> ListSpacesAsync(CantinaOpsDb db, ScheduleCache rules, CancellationToken cancellationToken)
    {
        var site = await rules.DefaultAsync(db, cancellationToken);
        return TypedResults.Ok(site.Spaces.OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new SpaceResponse(s.Id, s.Name, ApiNames.Of(s.Kind), (int)s.MinimumNotice.TotalMinutes, s.HorizonDays, s.RequiresApproval))
            .ToArray());
    }

    private static async Task<IResult> ListAsync(CantinaOpsDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Resources.AsNoTracking().Where(r => r.IsActive)
            .OrderBy(r => r.Space.Kind).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.SpaceId, Space = r.Space.Name, SpaceKind = r.Space.Kind, r.Kind, r.Capacity })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new ResourceResponse(r.Id, r.Name, r.SpaceId, r.Space,
            ApiNames.Of(r.SpaceKind), ApiNames.Of(r.Kind), r.Capacity)).ToArray());
    }
}
