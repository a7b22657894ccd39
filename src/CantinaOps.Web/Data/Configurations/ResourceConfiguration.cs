using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(CantinaOps.Domain.TextLimits.Name);
        builder.Property(r => r.LocalNames).HasMaxLength(2000);
        builder.Ignore(r => r.NamesByLanguage);
        builder.Ignore(r => r.Number);
        builder.HasMany(r => r.Outages).WithOne(o => o.Resource).HasForeignKey(o => o.ResourceId);
    }
}
