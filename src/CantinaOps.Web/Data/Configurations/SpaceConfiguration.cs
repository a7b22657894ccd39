using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        // Spaces created before retiring existed are all in use.
        builder.Property(s => s.IsActive).HasDefaultValue(true).HasSentinel(true);
        builder.HasMany(s => s.OpeningHours).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
        builder.HasMany(s => s.Resources).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
    }
}
