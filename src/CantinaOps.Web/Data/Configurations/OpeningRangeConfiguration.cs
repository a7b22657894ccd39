using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class OpeningRangeConfiguration : IEntityTypeConfiguration<OpeningRange>
{
    public void Configure(EntityTypeBuilder<OpeningRange> builder) =>
        builder.HasIndex(r => new { r.SpaceId, r.Day });
}
