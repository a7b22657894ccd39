using CantinaOps.Domain.Bookings;
using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using CantinaOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Ignore(b => b.Time);
        builder.Ignore(b => b.IsActive);
        builder.Ignore(b => b.LastModified);
        builder.Property(b => b.Note).HasMaxLength(300);
        builder.HasOne<CantinaOps.Domain.Partners.BookingSeries>().WithMany().HasForeignKey(b => b.SeriesId);
        // One row per occurrence of a series: an occurrence can be moved, skipped or cancelled, never doubled.
        builder.HasIndex(b => new { b.SeriesId, b.OccurrenceDay }).IsUnique();
        builder.Property(b => b.MadeByUserId).HasMaxLength(64);
        builder.HasOne<Resource>().WithMany().HasForeignKey(b => b.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(b => b.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(b => b.PartnerId).OnDelete(DeleteBehavior.Restrict);

        // The database's own guard against double booking: one row per (resource, slot start, place)
        // while the booking holds its slot. HeldFrom is null once the slot is given back, and nulls
        // never collide in a unique index (SQLite and PostgreSQL alike).
        builder.HasIndex(b => new { b.ResourceId, b.HeldFrom, b.Seat }).IsUnique();
        // Covers the availability query (a range of starts) so it never reads the table itself.
        builder.HasIndex(b => new { b.Start, b.ResourceId, b.End, b.Seat, b.HeldFrom });
        builder.HasIndex(b => new { b.HouseholdId, b.Start });
        builder.HasIndex(b => new { b.PartnerId, b.Start });
        builder.ToTable(t => t.HasCheckConstraint("CK_Bookings_OneBooker",
            "(\"HouseholdId\" IS NULL) <> (\"PartnerId\" IS NULL)"));
    }
}
