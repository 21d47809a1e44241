using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Committees;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.ToTable("Committees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameFr).HasMaxLength(256).IsRequired();
        builder.Property(c => c.NameAr).HasMaxLength(256).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
