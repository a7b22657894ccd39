using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class HouseholdAccessConfiguration : IEntityTypeConfiguration<HouseholdAccess>
{
    public void Configure(EntityTypeBuilder<HouseholdAccess> builder)
    {
        builder.HasKey(a => a.HouseholdId);
        builder.HasOne<Household>().WithOne().HasForeignKey<HouseholdAccess>(a => a.HouseholdId);
        builder.Property(a => a.PinHash).HasMaxLength(200);
        builder.Property(a => a.LinkTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.LinkTokenHash).IsUnique();
        builder.Property(a => a.OneTimeCodeHash).HasMaxLength(200);
        builder.Property(a => a.OneTimeCodeForDesk).HasMaxLength(6);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.HasOne<Household>().WithMany().HasForeignKey(w => w.HouseholdId);
        builder.HasOne<Space>().WithMany().HasForeignKey(w => w.SpaceId);
        builder.HasIndex(w => new { w.SpaceId, w.Day, w.CreatedAt });
        builder.HasIndex(w => new { w.HouseholdId, w.SpaceId, w.Day });
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasOne<Booking>().WithMany().HasForeignKey(n => n.BookingId);
        builder.HasIndex(n => new { n.DeliveredAt, n.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(64);
        builder.Property(a => a.ActorName).HasMaxLength(80);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Subject).HasMaxLength(120);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => a.At);
    }
}

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

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<CantinaOps.Web.Features.Printing.StoredDocument>
{
    public void Configure(EntityTypeBuilder<CantinaOps.Web.Features.Printing.StoredDocument> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(120);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.FileName).HasMaxLength(120);
        builder.HasIndex(d => d.CreatedAt);
    }
}
