using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Members;

internal sealed class InstitutionStatusChangeConfiguration : IEntityTypeConfiguration<InstitutionStatusChange>
{
    public void Configure(EntityTypeBuilder<InstitutionStatusChange> builder)
    {
        builder.ToTable("InstitutionStatusChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.InstitutionId, c.ChangedAt });
    }
}

internal sealed class RepresentativeMandateConfiguration : IEntityTypeConfiguration<RepresentativeMandate>
{
    public void Configure(EntityTypeBuilder<RepresentativeMandate> builder)
    {
        builder.ToTable("RepresentativeMandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Institution>().WithMany().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.InstitutionId, m.Role, m.StartsOn });
    }
}
