using CantinaOps.Domain.Impact;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class ImpactReportConfiguration : IEntityTypeConfiguration<ImpactReport>
{
    public void Configure(EntityTypeBuilder<ImpactReport> builder)
    {
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId);
        builder.HasOne<Space>().WithMany().HasForeignKey(r => r.SpaceId);
        builder.Property(r => r.Text).HasMaxLength(ImpactReport.MostCharacters);
        builder.Property(r => r.WrittenBy).HasMaxLength(256);
        // One text per period and space. The whole site's report has no space, and NULLs are distinct to a unique
        // index: the use case looks for the existing text before adding one.
        builder.HasIndex(r => new { r.SiteId, r.From, r.To, r.SpaceId }).IsUnique();
    }
}
