using CantinaOps.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CantinaOps.Web.Data.Configurations;

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> builder)
    {
        builder.HasKey(f => new { f.Way, f.KeyHash });
        builder.Property(f => f.KeyHash).HasMaxLength(64);
        builder.HasIndex(f => f.LastFailureAt);
    }
}
