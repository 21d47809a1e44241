using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Accounts.Outside;

/// <summary>
/// An outside initiative (cooperative, association) that registered itself to enter a competition. Its account is a
/// <see cref="NoressUser"/> in the <see cref="Roles.OutsideApplicant"/> role with no institution; the contact person
/// is the account's name and e-mail (ADR 0038).
/// </summary>
public sealed class OutsideInitiative
{
    public Guid Id { get; set; }

    /// <summary>The account (one initiative per account).</summary>
    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public InitiativeLegalForm LegalForm { get; set; }

    public required string City { get; set; }

    /// <summary>When the contact person agreed to the processing of the data they gave.</summary>
    public DateTime ConsentedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the e-mail address was confirmed; until then the account cannot sign in.</summary>
    public DateTime? ConfirmedAt { get; set; }
}

/// <summary>The legal forms an outside initiative can declare.</summary>
public enum InitiativeLegalForm
{
    Cooperative = 0,
    Association = 1,
    Other = 2,
}

internal sealed class OutsideInitiativeConfiguration : IEntityTypeConfiguration<OutsideInitiative>
{
    public void Configure(EntityTypeBuilder<OutsideInitiative> builder)
    {
        builder.ToTable("OutsideInitiatives");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(OutsideRegistrationRules.NameMaxLength).IsRequired();
        builder.Property(i => i.City).HasMaxLength(OutsideRegistrationRules.CityMaxLength).IsRequired();
        builder.HasIndex(i => i.UserId).IsUnique();
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
