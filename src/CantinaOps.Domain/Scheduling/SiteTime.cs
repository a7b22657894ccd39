using NodaTime;
using NodaTime.TimeZones;

namespace CantinaOps.Domain.Scheduling;

/// <summary>
/// How wall-clock times of a site become instants. One rule everywhere, so that slots tile the day
/// without gaps or overlaps across daylight-saving changes:
/// a repeated local time (the October fall-back) maps to its earlier occurrence, and a skipped local
/// time (the March spring-forward) is shifted forward by the length of the gap. A slot whose start
/// is skipped does not exist; a slot starting in the repeated hour is offered once and lasts until
/// the next slot starts.
/// </summary>
public static class SiteTime
{
    private static readonly ZoneLocalMappingResolver Lenient = Resolvers.LenientResolver;

    public static Instant ToInstant(this DateTimeZone zone, LocalDateTime local) =>
        zone.ResolveLocal(local, Lenient).ToInstant();

    public static bool Exists(this DateTimeZone zone, LocalDateTime local) => zone.MapLocal(local).Count > 0;

    public static LocalDate Today(this DateTimeZone zone, Instant now) => now.InZone(zone).Date;

    /// <summary>The ISO week (Monday 00:00 to the next Monday 00:00, local) containing an instant.</summary>
    public static Interval IsoWeekOf(this DateTimeZone zone, Instant instant)
    {
        var monday = instant.InZone(zone).Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        return new Interval(zone.AtStartOfDay(monday).ToInstant(), zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant());
    }

    /// <summary>
    /// Reads a date-time typed by a person or an API client: a local time of the site, or — with a UTC
    /// offset or <c>Z</c> — an instant (<c>2026-12-01T06:30Z</c> is 07:30 in Paris; the offset also picks one
    /// occurrence of a repeated local time, <c>2026-10-25T02:30+01:00</c>).
    /// </summary>
    public static Bookings.Outcome<Instant> Resolve(this DateTimeZone zone, LocalDateTime local, Offset? offset)
    {
        if (offset is { } given)
        {
            return Bookings.Outcome<Instant>.Success(local.WithOffset(given).ToInstant());
        }

        var mapping = zone.MapLocal(local);
        return mapping.Count == 0
            ? Bookings.Outcome<Instant>.Refused(Bookings.Rule.NonexistentLocalTime, "nonexistent-time",
                $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip that hour.")
            : Bookings.Outcome<Instant>.Success(mapping.First().ToInstant());
    }
}
