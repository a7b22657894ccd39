using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Features.Desk.Households;

/// <summary>
/// At start, gives their search text to households saved before it existed (or by a tool that wrote the table
/// directly): the folding is .NET's Unicode, which SQL cannot do in a migration. Runs after the migrations
/// (hosted services start once the database is prepared) and finds nothing to do on later starts.
/// </summary>
public sealed class SearchTextBackfill(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        var lastId = 0;
        while (true)
        {
            var batch = await db.Households
                .Where(h => h.Id > lastId && h.SearchText == null && (h.DisplayName != null || h.Hotel != null || h.Phone != null))
                .OrderBy(h => h.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            batch.ForEach(h => h.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
            lastId = batch[^1].Id;
            db.ChangeTracker.Clear();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
