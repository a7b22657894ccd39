using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.HasOne<Household>().WithMany().HasForeignKey(w => w.HouseholdId);
        builder.HasOne<Space>().WithMany().HasForeignKey(w => w.SpaceId);
        builder.HasIndex(w => new { w.SpaceId, w.Day, w.CreatedAt });
        builder.HasIndex(w => new { w.HouseholdId, w.SpaceId, w.Day });
    }
}
