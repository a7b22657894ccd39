using CantinaOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>Every minute: plan the reminders and notices that are due, then send what is due.</summary>
public sealed class MessagesJob(DispatchPlanner planner, DispatchSender sender, CantinaOpsDb db, IOptions<MessagingOptions> options)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The site's rules page decides the timing; without a site there is nothing to remind anyone of.
        if (await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) is { } site)
        {
            await planner.PlanAsync(ReminderOptions.Of(site), cancellationToken);
        }

        await sender.DrainAsync(options.Value.Parallelism, cancellationToken);
    }
}
