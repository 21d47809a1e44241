using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Audit;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Signature).HasMaxLength(AuditCheckpointSigner.MaxSignatureLength).IsRequired();
    }
}

internal sealed class AuditWatchConfiguration : IEntityTypeConfiguration<AuditWatch>
{
    public void Configure(EntityTypeBuilder<AuditWatch> builder)
    {
        builder.ToTable("AuditWatch");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.LastBreakReason).HasConversion<string>().HasMaxLength(32);
        builder.HasData(new AuditWatch());
    }
}
