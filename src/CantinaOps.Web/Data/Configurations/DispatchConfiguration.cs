using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<CantinaOps.Web.Features.Messaging.Dispatch>
{
    public void Configure(EntityTypeBuilder<CantinaOps.Web.Features.Messaging.Dispatch> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(120);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Topic).HasMaxLength(40);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.ProviderReference).HasMaxLength(200);
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.Property(d => d.Address).HasMaxLength(200);
        builder.Property(d => d.Attachments).HasMaxLength(500);
    }
}
