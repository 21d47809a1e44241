using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Members.Mou;

internal sealed class MouVersionConfiguration : IEntityTypeConfiguration<MouVersion>
{
    public void Configure(EntityTypeBuilder<MouVersion> builder)
    {
        builder.ToTable("MouVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.Title).HasMaxLength(256).IsRequired();
        builder.Property(v => v.Markdown).IsRequired();
    }
}

internal sealed class MouSignatureConfiguration : IEntityTypeConfiguration<MouSignature>
{
    public void Configure(EntityTypeBuilder<MouSignature> builder)
    {
        builder.ToTable("MouSignatures");
        builder.HasKey(s => s.Id);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.InstitutionId).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SignatoryName).HasMaxLength(256);
        builder.Property(s => s.ScanFile).HasMaxLength(64);
        builder.Property(s => s.ScanFileName).HasMaxLength(255);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
