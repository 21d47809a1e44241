using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Members;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.ToTable("Institutions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Acronym).HasMaxLength(32).IsRequired();
        builder.HasIndex(i => i.Acronym).IsUnique();
        builder.Property(i => i.NameFr).HasMaxLength(256).IsRequired();
        builder.Property(i => i.NameAr).HasMaxLength(256).IsRequired();
        builder.Property(i => i.City).HasMaxLength(128);
        builder.Property(i => i.Address).HasMaxLength(512);
        builder.Property(i => i.Phone).HasMaxLength(32);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Website).HasMaxLength(256);
        builder.Property(i => i.LogoFile).HasMaxLength(64);
        builder.Property(i => i.LogoContentType).HasMaxLength(32);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SuspensionReason).HasMaxLength(1000);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
