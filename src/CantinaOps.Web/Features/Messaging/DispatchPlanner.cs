using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Messaging;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Messaging;

/// <summary>
/// Turns due reminders and recorded notices into dispatches. Safe to run any number of times, on any
/// number of servers: a dispatch's key is unique (reminder kind + booking + its start, or the notice id),
/// so a second run finds the row and adds nothing. A moved booking has a new start, hence a new key:
/// the family is reminded of the new time, and the old reminder is dropped when its turn comes.
/// </summary>
public sealed class DispatchPlanner(CantinaOpsDb db, ScheduleCache rules, IClock clock, ILogger<DispatchPlanner> logger,
    Microsoft.Extensions.Options.IOptions<SmsOptions> sms, Microsoft.Extensions.Options.IOptions<SmtpOptions> smtp)
{
    /// <summary>Reminders later than this after their due time are not sent any more (the moment has passed).</summary>
    private static readonly Duration Stale = Duration.FromHours(3);

    public async Task<int> PlanAsync(ReminderSettings settings, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var site = await rules.DefaultAsync(db, cancellationToken);
        var horizon = now + Duration.FromDays(settings.PartnerDaysBefore + 2);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.Start > now && b.Start < horizon)
            .Select(b => new { b.Id, b.Start, b.HouseholdId, b.PartnerId })
            .ToListAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking().Where(n => n.DeliveredAt == null).ToListAsync(cancellationToken);
        // Only the households and partners these messages are for, not every record, every minute.
        var householdIds = bookings.Select(b => b.HouseholdId).Concat(notices.Select(n => n.HouseholdId)).OfType<int>().Distinct().ToList();
        var partnerIds = bookings.Select(b => b.PartnerId).Concat(notices.Select(n => n.PartnerId)).OfType<int>().Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => h.IsActive && householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Phone }).ToDictionaryAsync(h => h.Id, h => h.Phone, cancellationToken);
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Contact }).ToDictionaryAsync(p => p.Id, p => p.Contact, cancellationToken);

        var wanted = new List<Dispatch>();
        foreach (var booking in bookings)
        {
            var kinds = booking.HouseholdId is not null
                ? new[] { ReminderKind.EveningBefore, ReminderKind.HoursBefore }
                : new[] { ReminderKind.DaysBefore };
            foreach (var kind in kinds)
            {
                if (ReminderSchedule.DueAt(kind, booking.Start, site.Zone, settings) is not { } due || due > now || now - due > Stale)
                {
                    continue;
                }

                Channel channel;
                if (booking.HouseholdId is { } householdId)
                {
                    if (!households.TryGetValue(householdId, out var phone))
                    {
                        continue; // inactive household: no reminder
                    }

                    channel = phone is null || !sms.Value.IsConfigured ? Channel.InPerson : Channel.Sms;
                }
                else
                {
                    channel = EmailFor(partners.GetValueOrDefault(booking.PartnerId ?? 0));
                }

                var topic = kind switch { ReminderKind.EveningBefore => "reminder-evening", ReminderKind.HoursBefore => "reminder-hours", _ => "reminder-days" };
                wanted.Add(new Dispatch($"{topic}:{booking.Id}:{booking.Start.ToUnixTimeSeconds()}", topic, channel, due, booking.Id, null,
                    booking.HouseholdId, booking.PartnerId, now));
            }
        }

        foreach (var notice in notices)
        {
            var channel = notice.HouseholdId is { } h
                ? (households.GetValueOrDefault(h) is null || !sms.Value.IsConfigured ? Channel.InPerson : Channel.Sms)
                : EmailFor(partners.GetValueOrDefault(notice.PartnerId ?? 0));
            wanted.Add(new Dispatch($"notice:{notice.Id}", MessageComposer.TopicOf(notice.Kind), channel, now, notice.BookingId, notice.Id,
                notice.HouseholdId, notice.PartnerId, now));
        }

        return await AddMissingAsync(wanted, cancellationToken);
    }

    private Channel EmailFor(string? contact) =>
        contact?.Contains('@', StringComparison.Ordinal) == true && smtp.Value.IsConfigured ? Channel.Email : Channel.InPerson;

    private async Task<int> AddMissingAsync(List<Dispatch> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Select(w => w.Key).ToList();
        var existing = new HashSet<string>();
        foreach (var chunk in keys.Chunk(500))
        {
            existing.UnionWith(await db.Set<Dispatch>().Where(d => chunk.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken));
        }

        var added = wanted.Where(w => !existing.Contains(w.Key)).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        db.Set<Dispatch>().AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception))
        {
            // Another server planned the same messages at the same moment: its rows stand, ours are not needed.
            db.ChangeTracker.Clear();
            logger.LogInformation("Dispatch planning raced with another server; its plan was kept");
            return 0;
        }

        return added.Count;
    }
}
