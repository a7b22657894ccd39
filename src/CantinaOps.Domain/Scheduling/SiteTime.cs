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
    /// Reads a local date-time typed by a person or an API client, with an optional UTC offset that
    /// picks one occurrence of a repeated time.
    /// </summary>
    public static Bookings.Outcome<Instant> Resolve(this DateTimeZone zone, LocalDateTime local, Offset? offset)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            return Bookings.Outcome<Instant>.Refused(Bookings.Rule.NonexistentLocalTime,
                $"{local:yyyy-MM-dd'T'HH:mm} does not exist in {zone.Id}: the clocks skip that hour.");
        }

        if (offset is { } wanted)
        {
            var zoned = new[] { mapping.First(), mapping.Last() }.FirstOrDefault(z => z.Offset == wanted);
            return zoned == default
                ? Bookings.Outcome<Instant>.Refused(Bookings.Rule.NonexistentLocalTime,
                    $"{local:yyyy-MM-dd'T'HH:mm} never has the offset {wanted} in {zone.Id}.")
                : Bookings.Outcome<Instant>.Success(zoned.ToInstant());
        }

        return Bookings.Outcome<Instant>.Success(mapping.First().ToInstant());
    }
}
