using CantinaOps.Domain.Bookings;
using CantinaOps.Web.Data;
using CantinaOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CantinaOps.Web.Tests.Storage;

public class SqliteStorageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    [SkippableFact]
    public async Task The_database_file_is_migrated_and_in_write_ahead_logging_mode()
    {
        Skip.If(TestDatabase.IsPostgres, TestDatabase.OnlyOnSqlite);
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal("1", await ScalarAsync("SELECT COUNT(*) FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_Initial';"));
    }

    [SkippableFact]
    public async Task Instants_are_stored_as_integers_that_sort_in_time_order()
    {
        Skip.If(TestDatabase.IsPostgres, TestDatabase.OnlyOnSqlite);
        var desk = await app.SignedInAsync(TestSite.Desk);
        await desk.BookAsync(app.Site.Washer1, "2026-12-05T09:00", app.Site.Households[10]);
        await desk.BookAsync(app.Site.Washer1, "2026-12-03T17:00", app.Site.Households[11]);

        Assert.Equal("integer", await ScalarAsync("SELECT typeof(Start) FROM Bookings LIMIT 1;"));
        var ordered = await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == app.Site.Washer1)
            .OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        Assert.Equal(ordered.OrderBy(i => i), ordered);
        Assert.Contains(Instant.FromUtc(2026, 12, 3, 16, 0), ordered);
    }

    [SkippableFact]
    public async Task The_unique_index_refuses_a_second_row_for_the_same_slot_even_without_the_domain_check()
    {
        Skip.If(TestDatabase.IsPostgres, TestDatabase.OnlyOnSqlite);
        var slot = new Interval(Instant.FromUtc(2026, 12, 8, 8, 0), Instant.FromUtc(2026, 12, 8, 9, 0));

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Bookings.Add(Booking.ForHousehold(app.Site.Dryer, slot, 1, app.Site.Households[12], BookedBy.Desk, null, AppFactory.Now));
            db.Bookings.Add(Booking.ForHousehold(app.Site.Dryer, slot, 1, app.Site.Households[13], BookedBy.Desk, null, AppFactory.Now));
            await db.SaveChangesAsync();
        }));

        Assert.True(Database.IsUniqueViolation(exception));
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == app.Site.Dryer && b.Start == slot.Start)));
    }

    [SkippableFact]
    public async Task A_cancelled_booking_no_longer_blocks_the_index()
    {
        Skip.If(TestDatabase.IsPostgres, TestDatabase.OnlyOnSqlite);
        var slot = new Interval(Instant.FromUtc(2026, 12, 9, 8, 0), Instant.FromUtc(2026, 12, 9, 9, 0));

        await app.WithDbAsync(async db =>
        {
            var first = Booking.ForHousehold(app.Site.Dryer, slot, 1, app.Site.Households[14], BookedBy.Desk, null, AppFactory.Now);
            db.Bookings.Add(first);
            await db.SaveChangesAsync();
            first.Cancel(AppFactory.Now, BookedBy.Desk, Duration.Zero);
            db.Bookings.Add(Booking.ForHousehold(app.Site.Dryer, slot, 1, app.Site.Households[15], BookedBy.Desk, null, AppFactory.Now));
            await db.SaveChangesAsync();
        });

        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == app.Site.Dryer && b.Start == slot.Start)));
    }
}
