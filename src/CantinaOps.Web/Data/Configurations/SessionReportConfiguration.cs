using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

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
