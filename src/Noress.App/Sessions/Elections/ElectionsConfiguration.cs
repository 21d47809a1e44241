using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Members;

namespace Noress.App.Sessions.Elections;

internal sealed class SessionElectionConfiguration : IEntityTypeConfiguration<SessionElection>
{
    public void Configure(EntityTypeBuilder<SessionElection> builder)
    {
        builder.ToTable("Elections");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Title).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.CommitteeRole).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.SecretariatPosition).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Ballot).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Article).HasMaxLength(64);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(e => e.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElectionCandidateConfiguration : IEntityTypeConfiguration<ElectionCandidate>
{
    public void Configure(EntityTypeBuilder<ElectionCandidate> builder)
    {
        builder.ToTable("ElectionCandidates");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ElectionId);
        builder.HasOne<SessionElection>().WithMany().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElectionRoundConfiguration : IEntityTypeConfiguration<ElectionRound>
{
    public void Configure(EntityTypeBuilder<ElectionRound> builder)
    {
        builder.ToTable("ElectionRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        // One round of each number, whichever node opens it.
        builder.HasIndex(r => new { r.ElectionId, r.Number }).IsUnique();
        builder.HasOne<SessionElection>().WithMany().HasForeignKey(r => r.ElectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ElectionTallyConfiguration : IEntityTypeConfiguration<ElectionTally>
{
    public void Configure(EntityTypeBuilder<ElectionTally> builder)
    {
        builder.ToTable("ElectionTallies");
        builder.HasKey(t => new { t.RoundId, t.CandidateId });
        builder.HasOne<ElectionRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ElectionCandidate>().WithMany().HasForeignKey(t => t.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElectionParticipationConfiguration : IEntityTypeConfiguration<ElectionParticipation>
{
    public void Configure(EntityTypeBuilder<ElectionParticipation> builder)
    {
        builder.ToTable("ElectionParticipations");
        // The key is the rule: one ballot per institution per round, enforced by the database.
        builder.HasKey(p => new { p.RoundId, p.InstitutionId });
        builder.HasOne<ElectionRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ElectionBallotConfiguration : IEntityTypeConfiguration<ElectionBallot>
{
    public void Configure(EntityTypeBuilder<ElectionBallot> builder)
    {
        builder.ToTable("ElectionBallots");
        // A random key, never clustered on SQL Server: a clustered or sequential key would keep insert order (ADR 0021).
        builder.HasKey(b => b.Id).IsClustered(false);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Choices).HasMaxLength(ElectionRules.MaxChoicesLength).IsRequired();
        builder.HasOne<ElectionRound>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenElectionChoiceConfiguration : IEntityTypeConfiguration<OpenElectionChoice>
{
    public void Configure(EntityTypeBuilder<OpenElectionChoice> builder)
    {
        builder.ToTable("OpenElectionChoices");
        builder.HasKey(c => new { c.RoundId, c.InstitutionId });
        builder.Property(c => c.Choices).HasMaxLength(ElectionRules.MaxChoicesLength).IsRequired();
        builder.HasOne<ElectionRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretariatMandateConfiguration : IEntityTypeConfiguration<SecretariatMandate>
{
    public void Configure(EntityTypeBuilder<SecretariatMandate> builder)
    {
        builder.ToTable("SecretariatMandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Position).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(m => new { m.Position, m.StartsOn });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SessionElection>().WithMany().HasForeignKey(m => m.ElectionId).OnDelete(DeleteBehavior.SetNull);
    }
}
