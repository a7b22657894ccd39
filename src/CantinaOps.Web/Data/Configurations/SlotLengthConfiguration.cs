using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class SlotLengthConfiguration : IEntityTypeConfiguration<SlotLength>
{
    public void Configure(EntityTypeBuilder<SlotLength> builder) =>
        builder.HasIndex(s => new { s.SiteId, s.Kind }).IsUnique();
}
