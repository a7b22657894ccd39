using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Code).HasMaxLength(6);
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.DisplayName).HasMaxLength(80);
        builder.Property(h => h.Language).HasMaxLength(10);
        builder.Property(h => h.Phone).HasMaxLength(20);
        builder.HasIndex(h => h.Phone);
        builder.Property(h => h.Hotel).HasMaxLength(120);
        builder.HasIndex(h => h.DisplayName);
        builder.Property(h => h.SearchText).HasMaxLength(300);
    }
}
