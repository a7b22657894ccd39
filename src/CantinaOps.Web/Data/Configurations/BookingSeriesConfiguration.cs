using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> builder)
    {
        builder.Ignore(s => s.Days);
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId);
        builder.HasOne<Resource>().WithMany().HasForeignKey(s => s.ResourceId);
    }
}
