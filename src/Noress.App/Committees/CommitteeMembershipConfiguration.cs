using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Members;

namespace Noress.App.Committees;

internal sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> builder)
    {
        builder.ToTable("CommitteeSeats");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.CommitteeId, s.InstitutionId, s.StartsOn }).IsUnique();
        builder.HasIndex(s => s.InstitutionId);
        builder.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteePositionConfiguration : IEntityTypeConfiguration<CommitteePosition>
{
    public void Configure(EntityTypeBuilder<CommitteePosition> builder)
    {
        builder.ToTable("CommitteePositions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.CommitteeId, p.UserId, p.StartsOn }).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne<Committee>().WithMany().HasForeignKey(p => p.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
