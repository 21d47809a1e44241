using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Members;

namespace Noress.App.Accounts;

internal sealed class NoressUserConfiguration : IEntityTypeConfiguration<NoressUser>
{
    public void Configure(EntityTypeBuilder<NoressUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.FullNameAr).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8).IsRequired();
        builder.HasOne(u => u.Institution).WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.FullName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Role).HasMaxLength(32).IsRequired();
        builder.Property(i => i.Culture).HasMaxLength(8).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
