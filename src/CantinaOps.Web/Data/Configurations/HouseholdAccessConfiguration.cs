using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class HouseholdAccessConfiguration : IEntityTypeConfiguration<HouseholdAccess>
{
    public void Configure(EntityTypeBuilder<HouseholdAccess> builder)
    {
        builder.HasKey(a => a.HouseholdId);
        builder.HasOne<Household>().WithOne().HasForeignKey<HouseholdAccess>(a => a.HouseholdId);
        builder.Property(a => a.PinHash).HasMaxLength(200);
        builder.Property(a => a.LinkTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.LinkTokenHash).IsUnique();
        builder.Property(a => a.OneTimeCodeHash).HasMaxLength(200);
        builder.Property(a => a.OneTimeCodeForDesk).HasMaxLength(6);
    }
}
