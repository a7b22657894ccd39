using CantinaOps.Domain.Households;
using CantinaOps.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Code).HasMaxLength(6);
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.DisplayName).HasMaxLength(80);
        builder.Property(h => h.Language).HasMaxLength(10);
        builder.Property(h => h.Phone).HasMaxLength(20);
        builder.HasIndex(h => h.Phone);
        builder.Property(h => h.Hotel).HasMaxLength(120);
        builder.HasIndex(h => h.DisplayName);
    }
}

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<CantinaOps.Domain.Access.SignInFailures>
{
    public void Configure(EntityTypeBuilder<CantinaOps.Domain.Access.SignInFailures> builder)
    {
        builder.HasKey(f => new { f.Way, f.KeyHash });
        builder.Property(f => f.KeyHash).HasMaxLength(64);
        builder.HasIndex(f => f.LastFailureAt);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Contact).HasMaxLength(200);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(80);
        builder.HasOne<Partner>().WithMany().HasForeignKey(u => u.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
