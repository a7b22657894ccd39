using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Audit;
using CantinaOps.Web.Features.Messaging;
using CantinaOps.Web.Features.Print;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Print;

/// <summary>
/// Every Friday: next week's plan of every space and each partner's schedule are produced and stored
/// (kept for a few weeks), the coordinators get the plans and each partner with a booking its schedule,
/// by e-mail through the dispatch — once per week, however often the job runs.
/// </summary>
public sealed class WeeklyPlanJob(CantinaOpsDb db, PrintQueries queries, AuditLog audit, IClock clock, Microsoft.Extensions.Options.IOptions<PrintingOptions> options,
    Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp)
{
    public async Task<LocalDate> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        var nextMonday = now.InZone(site.Zone).Date.Next(IsoDayOfWeek.Monday);
        // The plans are printed in French, the site's language.
        using var french = Infrastructure.Localization.Use(Infrastructure.Localization.Culture("fr"));
        var plans = new List<StoredDocument>();
        foreach (var space in await db.Spaces.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Kind).ToListAsync(cancellationToken))
        {
            var model = await queries.WeeklyPlanAsync(space.Id, nextMonday, cancellationToken);
            plans.Add(await StoreAsync($"weekly-plan:{space.Id}:{nextMonday:uuuu-MM-dd}", $"plan-{space.Name}-{nextMonday:uuuu-MM-dd}.pdf",
                PdfDocuments.WeeklyPlan(model!), now, cancellationToken));
        }

        var weekStart = site.Zone.AtStartOfDay(nextMonday).ToInstant();
        var weekEnd = site.Zone.AtStartOfDay(nextMonday.PlusWeeks(1)).ToInstant();
        var partners = await db.Partners.AsNoTracking()
            .Where(p => p.Contact != null && db.Bookings.Any(b => b.PartnerId == p.Id && b.Start >= weekStart && b.Start < weekEnd
                && b.Status == BookingStatus.Confirmed))
            .ToListAsync(cancellationToken);
        var schedules = new List<(CantinaOps.Domain.Partners.Partner Partner, StoredDocument Document)>();
        foreach (var partner in partners)
        {
            var model = await queries.PartnerScheduleAsync(partner.Id, nextMonday, cancellationToken);
            schedules.Add((partner, await StoreAsync($"partner-schedule:{partner.Id}:{nextMonday:uuuu-MM-dd}",
                $"planning-{nextMonday:uuuu-MM}.pdf", PdfDocuments.PartnerSchedule(model!), now, cancellationToken)));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (smtp.Value.IsConfigured)
        {
            await PlanMailsAsync(nextMonday, plans, schedules, now, cancellationToken);
        }

        var keep = now - Duration.FromDays(7 * options.Value.KeepWeeks);
        await db.Set<StoredDocument>().Where(d => d.CreatedAt < keep).ExecuteDeleteAsync(cancellationToken);
        if (!await db.Audit.AnyAsync(a => a.Action == "weekly-plan.due" && a.Subject == $"week {nextMonday:yyyy-MM-dd}", cancellationToken))
        {
            audit.Record("weekly-plan.due", $"week {nextMonday:yyyy-MM-dd}", $"{plans.Count} plans, {schedules.Count} partner schedules");
            await db.SaveChangesAsync(cancellationToken);
        }

        return nextMonday;
    }

    private async Task<StoredDocument> StoreAsync(string key, string fileName, byte[] content, Instant now, CancellationToken cancellationToken)
    {
        var document = await db.Set<StoredDocument>().SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (document is null)
        {
            document = new StoredDocument(key, fileName, content, now);
            db.Set<StoredDocument>().Add(document);
        }
        else
        {
            document.Replace(content, now);
        }

        return document;
    }

    /// <summary>One e-mail per coordinator with every plan, one per partner with its schedule; keys make them once per week.</summary>
    private async Task PlanMailsAsync(LocalDate monday, List<StoredDocument> plans, List<(CantinaOps.Domain.Partners.Partner Partner, StoredDocument Document)> schedules,
        Instant now, CancellationToken cancellationToken)
    {
        var coordinators = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Coordinator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => u.Email).Where(e => e != null).ToListAsync(cancellationToken);
        var wanted = coordinators.Select(email => Dispatch.Documents($"weekly-plans:{monday:uuuu-MM-dd}:{email}", "weekly-plans", email!, null,
                plans.Select(p => p.Id), now))
            .Concat(schedules.Select(s => Dispatch.Documents($"partner-schedule:{monday:uuuu-MM-dd}:{s.Partner.Id}", "partner-schedule",
                s.Partner.Contact!, s.Partner.Id, [s.Document.Id], now)))
            .ToList();
        var keys = wanted.Select(w => w.Key).ToList();
        var existing = await db.Set<Dispatch>().Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken);
        db.Set<Dispatch>().AddRange(wanted.Where(w => !existing.Contains(w.Key)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
