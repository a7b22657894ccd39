using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class QuotaTierConfiguration : IEntityTypeConfiguration<QuotaTier>
{
    public void Configure(EntityTypeBuilder<QuotaTier> builder) =>
        builder.HasIndex(q => new { q.SiteId, q.SpaceKind, q.FromHouseholdSize }).IsUnique();
}
