using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CantinaOps.Web.Tests.Storage;

/// <summary>What PostgreSQL itself guarantees, whatever path writes the rows (the use cases are bypassed here).</summary>
public class PostgresStorageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Interval At(int day, int fromHour, int toHour) =>
        new(Instant.FromUtc(2027, 2, day, fromHour, 0), Instant.FromUtc(2027, 2, day, toHour, 0));

    private async Task<DbUpdateException?> SaveAsync(params Booking[] bookings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CantinaOpsDb>();
        db.Bookings.AddRange(bookings);
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException exception)
        {
            return exception;
        }
    }

    private Booking Block(Interval time, int partner) =>
        Booking.ForPartner(app.Site.ProKitchen, time, partner, BookedBy.Coordinator, null, AppFactory.Now);

    [SkippableFact]
    public async Task Two_overlapping_blocks_with_different_starts_are_refused_by_the_exclusion_constraint()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        Assert.Null(await SaveAsync(Block(At(1, 13, 17), app.Site.PartnerA)));

        var refused = await SaveAsync(Block(At(1, 14, 16), app.Site.PartnerB));

        Assert.NotNull(refused);
        Assert.Equal(PostgresErrorCodes.ExclusionViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        Assert.True(Database.IsSlotConflict(refused));
        Assert.False(Database.IsUniqueViolation(refused));
    }

    [SkippableFact]
    public async Task Blocks_that_touch_or_that_no_longer_hold_their_time_do_not_collide()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        var morning = Block(At(2, 7, 12), app.Site.PartnerA);
        Assert.Null(await SaveAsync(morning));
        // [start, end): the afternoon may start when the morning ends.
        Assert.Null(await SaveAsync(Block(At(2, 12, 16), app.Site.PartnerB)));

        await app.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.Id == morning.Id);
            Assert.Null(booking.Cancel(AppFactory.Now, BookedBy.Coordinator, Duration.Zero, "moved"));
            await db.SaveChangesAsync();
        });

        Assert.Null(await SaveAsync(Block(At(2, 8, 11), app.Site.PartnerB)));
    }

    [SkippableFact]
    public async Task Instants_dates_and_times_are_stored_in_postgres_own_types()
    {
        Skip.IfNot(TestDatabase.IsPostgres, TestDatabase.OnlyOnPostgres);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
            WHERE (table_name, column_name) IN (('Bookings', 'Start'), ('Closures', 'FirstDay'))
            ORDER BY 1
            """;
        var types = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["Bookings.Start timestamp with time zone", "Closures.FirstDay date"], types);
    }
}
