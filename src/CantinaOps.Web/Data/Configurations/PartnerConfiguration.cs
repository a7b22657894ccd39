using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(CantinaOps.Domain.TextLimits.Name);
        builder.Property(p => p.Contact).HasMaxLength(CantinaOps.Domain.TextLimits.Line);
    }
}
