using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Ignore(s => s.Zone);
        builder.HasMany(s => s.Spaces).WithOne(s => s.Site).HasForeignKey(s => s.SiteId);
        builder.HasMany(s => s.Closures).WithOne(c => c.Site).HasForeignKey(c => c.SiteId);
        builder.HasMany(s => s.SlotLengths).WithOne(s => s.Site).HasForeignKey(s => s.SiteId);
        builder.HasMany(s => s.QuotaTiers).WithOne(q => q.Site).HasForeignKey(q => q.SiteId);
    }
}
