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

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.HasMany(s => s.OpeningHours).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
        builder.HasMany(s => s.Resources).WithOne(r => r.Space).HasForeignKey(r => r.SpaceId);
    }
}

internal sealed class OpeningRangeConfiguration : IEntityTypeConfiguration<OpeningRange>
{
    public void Configure(EntityTypeBuilder<OpeningRange> builder) =>
        builder.HasIndex(r => new { r.SpaceId, r.Day });
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(120);
        builder.HasMany(r => r.Outages).WithOne(o => o.Resource).HasForeignKey(o => o.ResourceId);
    }
}

internal sealed class ResourceOutageConfiguration : IEntityTypeConfiguration<ResourceOutage>
{
    public void Configure(EntityTypeBuilder<ResourceOutage> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.HasIndex(o => new { o.ResourceId, o.From });
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasOne(c => c.Space).WithMany().HasForeignKey(c => c.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SiteId, c.LastDay });
    }
}

internal sealed class SlotLengthConfiguration : IEntityTypeConfiguration<SlotLength>
{
    public void Configure(EntityTypeBuilder<SlotLength> builder) =>
        builder.HasIndex(s => new { s.SiteId, s.Kind }).IsUnique();
}

internal sealed class QuotaTierConfiguration : IEntityTypeConfiguration<QuotaTier>
{
    public void Configure(EntityTypeBuilder<QuotaTier> builder) =>
        builder.HasIndex(q => new { q.SiteId, q.SpaceKind, q.FromHouseholdSize }).IsUnique();
}
