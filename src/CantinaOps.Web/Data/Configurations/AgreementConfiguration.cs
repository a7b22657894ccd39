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
