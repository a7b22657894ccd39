using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.HasMany(s => s.OpeningHours).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
        builder.HasMany(s => s.Resources).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
    }
}
