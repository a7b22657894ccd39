using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CantinaOps.Web.Data;

/// <summary>
/// The app's database. On SQLite the context is this class; on PostgreSQL it is <see cref="Postgres.PostgresDb"/>,
/// which keeps its own migrations (each engine's migrations are written for it) and stores dates and times in
/// PostgreSQL's own types.
/// </summary>
public class CantinaOpsDb : IdentityDbContext<StaffUser>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public CantinaOpsDb(DbContextOptions<CantinaOpsDb> options)
        : base(options)
    {
    }

    /// <summary>For the context of another engine (its own options type, its own migrations).</summary>
    protected CantinaOpsDb(DbContextOptions options)
        : base(options)
    {
    }


    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Space> Spaces => Set<Space>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<HouseholdAccess> HouseholdAccess => Set<HouseholdAccess>();
    public DbSet<WaitlistEntry> Waitlist => Set<WaitlistEntry>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<BookingSeries> Series => Set<BookingSeries>();
    public DbSet<ChecklistItem> Checklist => Set<ChecklistItem>();
    public DbSet<SessionReport> SessionReports => Set<SessionReport>();
    public DbSet<CantinaOps.Domain.Impact.DemandRefusal> DemandRefusals => Set<CantinaOps.Domain.Impact.DemandRefusal>();
    public DbSet<CantinaOps.Domain.Impact.ImpactReport> ImpactReports => Set<CantinaOps.Domain.Impact.ImpactReport>();
    public DbSet<CalendarFeed> Feeds => Set<CalendarFeed>();
    public DbSet<CantinaOps.Domain.Access.SignInFailures> SignInFailures => Set<CantinaOps.Domain.Access.SignInFailures>();

    /// <summary>The keys that sign cookies, antiforgery tokens and printed QR links, when kept in the database
    /// (every engine and every app server; see <see cref="Infrastructure.KeyStore"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CantinaOpsDb).Assembly);
    }

    /// <summary>How NodaTime values are stored on SQLite (see <see cref="NodaTimeConverters"/>).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<NodaTimeConverters.InstantToTicks>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<NodaTimeConverters.LocalDateToIso>().HaveMaxLength(10);
        configurationBuilder.Properties<LocalTime>().HaveConversion<NodaTimeConverters.LocalTimeToIso>().HaveMaxLength(18);
        configurationBuilder.Properties<Duration>().HaveConversion<NodaTimeConverters.DurationToSeconds>();
    }
}
