using CantinaOps.Domain.Households;
using CantinaOps.Domain.Impact;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class DemandRefusalConfiguration : IEntityTypeConfiguration<DemandRefusal>
{
    public void Configure(EntityTypeBuilder<DemandRefusal> builder)
    {
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId);
        builder.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId);
        builder.HasIndex(r => new { r.Day, r.SpaceId });
    }
}
