using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId);
        builder.Property(a => a.Reference).HasMaxLength(120);
        builder.HasIndex(a => a.PartnerId);
    }
}

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> builder)
    {
        builder.Ignore(s => s.Days);
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId);
        builder.HasOne<Resource>().WithMany().HasForeignKey(s => s.ResourceId);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(200);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId);
    }
}

internal sealed class SessionReportConfiguration : IEntityTypeConfiguration<SessionReport>
{
    public void Configure(EntityTypeBuilder<SessionReport> builder)
    {
        builder.HasOne<Booking>().WithOne().HasForeignKey<SessionReport>(r => r.BookingId);
        builder.HasIndex(r => r.BookingId).IsUnique();
        builder.Property(r => r.DeclaredBy).HasMaxLength(64);
        builder.OwnsMany(r => r.ByKind, kinds => kinds.ToJson());
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Partner>().WithMany().HasForeignKey(f => f.PartnerId);
        builder.HasOne<CantinaOps.Domain.Households.Household>().WithMany().HasForeignKey(f => f.HouseholdId);
    }
}
