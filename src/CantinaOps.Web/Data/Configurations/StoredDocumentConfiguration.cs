using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<CantinaOps.Web.Features.Print.StoredDocument>
{
    public void Configure(EntityTypeBuilder<CantinaOps.Web.Features.Print.StoredDocument> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(120);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.FileName).HasMaxLength(120);
        builder.HasIndex(d => d.CreatedAt);
    }
}
