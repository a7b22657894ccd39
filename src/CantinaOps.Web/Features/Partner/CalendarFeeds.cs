using System.Security.Cryptography;
using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Features.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Features.Partner;

/// <summary>
/// Private ICS feeds (RFC 5545) for a partner or a household. Events carry UTC instants (no VTIMEZONE
/// needed, right on DST days) and a stable UID per booking, so a moved booking updates in the
/// subscriber's calendar instead of appearing twice.
/// </summary>
public sealed class CalendarFeeds(CantinaOpsDb db, ScheduleCache rules, Infrastructure.PublicLinks links, IClock clock)
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

    /// <summary>The calendar text for a token; null for an unknown or revoked token.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Infrastructure.SecretHash.Of(token);
        var feed = await db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var since = clock.GetCurrentInstant() - NodaTime.Duration.FromDays(60);
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.End > since && (feed.PartnerId != null ? b.PartnerId == feed.PartnerId : b.HouseholdId == feed.HouseholdId)
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending || b.Status == BookingStatus.CheckedIn
                    || b.Status == BookingStatus.Completed))
            .OrderBy(b => b.Start).Take(2000).ToListAsync(cancellationToken);
        var site = await rules.DefaultAsync(db, cancellationToken);

        var calendar = new Calendar { ProductId = "-//CantinaOps//Bookings//FR" };
        calendar.AddProperty("X-WR-CALNAME", feed.PartnerId is not null ? "CantinaOps — cuisine professionnelle" : "CantinaOps");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var booking in rows)
        {
            var resource = site.Resource(booking.ResourceId)?.Resource;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"booking-{booking.Id}@{links.Host}",
                DtStart = new CalDateTime(booking.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(booking.End.ToDateTimeUtc()),
                DtStamp = new CalDateTime((booking.MovedAt ?? booking.DecidedAt ?? booking.CreatedAt).ToDateTimeUtc()),
                Summary = resource?.Name ?? "CantinaOps",
                Location = site.Spaces.FirstOrDefault(s => s.Id == resource?.SpaceId)?.Site.Name,
                Status = booking.Status == BookingStatus.Pending ? EventStatus.Tentative : EventStatus.Confirmed,
                // A moved booking must replace its earlier version in the subscriber's calendar.
                Sequence = booking.MovedAt is null ? 0 : (int)((booking.MovedAt.Value - booking.CreatedAt).TotalSeconds % int.MaxValue),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }
}
