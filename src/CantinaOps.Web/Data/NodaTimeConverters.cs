using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace CantinaOps.Web.Data;

/// <summary>
/// How NodaTime values are stored, the same on every provider. Instants are integers (ticks since the
/// Unix epoch) so range queries and ORDER BY compare numbers; text forms of instants do not sort.
/// Dates and wall-clock times are ISO text, which sorts correctly and stays readable in the database.
/// </summary>
internal static class NodaTimeConverters
{
    public sealed class InstantToTicks() : ValueConverter<Instant, long>(
        i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));

    public sealed class LocalDateToIso() : ValueConverter<LocalDate, string>(
        d => LocalDatePattern.Iso.Format(d), s => LocalDatePattern.Iso.Parse(s).Value);

    public sealed class LocalTimeToIso() : ValueConverter<LocalTime, string>(
        t => LocalTimePattern.ExtendedIso.Format(t), s => LocalTimePattern.ExtendedIso.Parse(s).Value);

    public sealed class DurationToSeconds() : ValueConverter<Duration, long>(
        d => (long)d.TotalSeconds, s => Duration.FromSeconds(s));
}
