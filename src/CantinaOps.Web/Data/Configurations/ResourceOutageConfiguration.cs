using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class ResourceOutageConfiguration : IEntityTypeConfiguration<ResourceOutage>
{
    public void Configure(EntityTypeBuilder<ResourceOutage> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.HasIndex(o => new { o.ResourceId, o.From });
    }
}
