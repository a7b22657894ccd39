using CultureInfo = System.Globalization.CultureInfo;
using System.Security.Cryptography;
using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>
/// Private ICS feeds (RFC 5545) for a partner or a household. Events carry UTC instants (no VTIMEZONE
/// needed, right on DST days), a stable UID per booking and its revision as SEQUENCE, so a moved booking
/// updates in the subscriber's calendar instead of appearing twice, and a cancelled one stays
/// <see cref="KeepCancelled"/> as STATUS:CANCELLED so clients that saw it remove it.
/// </summary>
public sealed class CalendarFeeds(CantinaOpsDb db, ScheduleCache rules, Infrastructure.PublicLinks links, IClock clock,
    IStringLocalizer<SharedResource> l)
{
    public const string Path = "/feeds";

    /// <summary>Makes a new feed URL token, revoking the previous one (the old URL then answers 404).</summary>
    public async Task<string> RenewAsync(int? partnerId, int? householdId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        foreach (var old in await db.Feeds.Where(f => f.PartnerId == partnerId && f.HouseholdId == householdId && f.RevokedAt == null)
                     .ToListAsync(cancellationToken))
        {
            old.Revoke(now);
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        db.Feeds.Add(new CalendarFeed(partnerId, householdId, Infrastructure.SecretHash.Of(token), now));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task RevokeAsync(int? partnerId, int? householdId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        foreach (var feed in await db.Feeds.Where(f => f.PartnerId == partnerId && f.HouseholdId == householdId && f.RevokedAt == null)
                     .ToListAsync(cancellationToken))
        {
            feed.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<bool> HasActiveAsync(int? partnerId, int? householdId, CancellationToken cancellationToken) =>
        db.Feeds.AnyAsync(f => f.PartnerId == partnerId && f.HouseholdId == householdId && f.RevokedAt == null, cancellationToken);

    /// <summary>How long a cancelled or declined booking stays in the feed (as cancelled) so every client sees it go.</summary>
    public static readonly NodaTime.Duration KeepCancelled = NodaTime.Duration.FromDays(30);

    /// <summary>The calendar text for a token; null for an unknown or revoked token.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Infrastructure.SecretHash.Of(token);
        var feed = await db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var since = now - NodaTime.Duration.FromDays(60);
        var cancelledSince = now - KeepCancelled;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => (feed.PartnerId != null ? b.PartnerId == feed.PartnerId : b.HouseholdId == feed.HouseholdId)
                && ((b.End > since && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending
                        || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow))
                    || (b.Status == BookingStatus.Cancelled && b.CancelledAt > cancelledSince)
                    || (b.Status == BookingStatus.Declined && b.DecidedAt > cancelledSince)))
            .OrderBy(b => b.Start).Take(2000).ToListAsync(cancellationToken);
        var ids = rows.Select(b => b.Id).ToList();
        var reports = await db.SessionReports.AsNoTracking().Where(r => ids.Contains(r.BookingId)).ToDictionaryAsync(r => r.BookingId, cancellationToken);
        var site = await rules.DefaultAsync(db, cancellationToken);
        var partner = feed.PartnerId is { } partnerId ? await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken) : null;
        var language = feed.HouseholdId is { } householdId
            ? await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => h.Language).SingleOrDefaultAsync(cancellationToken)
            : null;
        using var _ = Infrastructure.Localization.Use(CultureInfo.GetCultureInfo(language ?? Languages.Default));

        var calendar = new Calendar { ProductId = "-//CantinaOps//Bookings//FR" };
        calendar.AddProperty("X-WR-CALNAME", partner is not null ? $"CantinaOps — {partner.Name}" : "CantinaOps");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var booking in rows)
        {
            var resource = site.Resource(booking.ResourceId)?.Resource;
            var space = site.AllSpaces.FirstOrDefault(s => s.Id == resource?.SpaceId);
            var modified = reports.TryGetValue(booking.Id, out var report) && report.DeclaredAt > booking.LastModified
                ? report.DeclaredAt : booking.LastModified;
            calendar.Events.Add(new CalendarEvent
            {
                // The id and the configured public host only: a feed fetched under another Host keeps the same events.
                Uid = $"booking-{booking.Id}@{links.Host}",
                DtStart = new CalDateTime(booking.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(booking.End.ToDateTimeUtc()),
                DtStamp = new CalDateTime(modified.ToDateTimeUtc()),
                LastModified = new CalDateTime(modified.ToDateTimeUtc()),
                Summary = Summary(partner?.Name, space?.Name, resource?.Name),
                Description = report is null ? null : Meals(report),
                Location = space?.Site.Name,
                Status = booking.Status switch
                {
                    BookingStatus.Pending => EventStatus.Tentative,
                    BookingStatus.Cancelled or BookingStatus.Declined => EventStatus.Cancelled,
                    _ => EventStatus.Confirmed,
                },
                // The domain raises the revision on every change, so a client replaces the version it holds.
                Sequence = booking.Revision,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static string Summary(string? partner, string? space, string? resource)
    {
        var place = space is null ? resource : resource is null || string.Equals(space, resource, StringComparison.OrdinalIgnoreCase) ? space
            : $"{space} — {resource}";
        return partner is null ? place ?? "CantinaOps" : $"{partner} — {place ?? "CantinaOps"}";
    }

    private string Meals(Domain.Partners.SessionReport report)
    {
        var text = l["Feed.Meals", report.Meals].Value;
        return report.ByKind.Count == 0 ? text
            : $"{text} ({string.Join(", ", report.ByKind.Select(k => $"{k.Kind} {k.Count.ToString(CultureInfo.CurrentCulture)}"))})";
    }
}
