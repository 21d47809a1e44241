using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Committees;
using Noress.App.Members;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Body).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Title).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Place).HasMaxLength(300);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.StartsAt);
        builder.HasOne<Committee>().WithMany().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(a => new { a.SessionId, a.Position });
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.ToTable("SessionAttendances");
        builder.HasKey(a => a.Id);
        // One check-in per institution and convocation, whichever node or person records it.
        builder.HasIndex(a => new { a.SessionId, a.Convocation, a.InstitutionId }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceMovementConfiguration : IEntityTypeConfiguration<AttendanceMovement>
{
    public void Configure(EntityTypeBuilder<AttendanceMovement> builder)
    {
        builder.ToTable("AttendanceMovements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Move).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.SessionId, m.Convocation, m.InstitutionId });
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionProxyConfiguration : IEntityTypeConfiguration<SessionProxy>
{
    public void Configure(EntityTypeBuilder<SessionProxy> builder)
    {
        builder.ToTable("SessionProxies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.MandateFile).HasMaxLength(64);
        builder.Property(p => p.MandateFileName).HasMaxLength(128);
        builder.Property(p => p.MandateContentType).HasMaxLength(32);
        builder.HasIndex(p => new { p.SessionId, p.GrantorInstitutionId });
        builder.HasIndex(p => new { p.SessionId, p.HolderInstitutionId });
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.GrantorInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.HolderInstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("Votes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Question).HasMaxLength(500).IsRequired();
        builder.Property(v => v.Ballot).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.MajorityKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.MajorityBase).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ComputedVerdict).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Verdict).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.MajorityArticle).HasMaxLength(64);
        builder.Property(v => v.OverrideReason).HasMaxLength(2000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => v.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(v => v.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpenVoteChoiceConfiguration : IEntityTypeConfiguration<OpenVoteChoice>
{
    public void Configure(EntityTypeBuilder<OpenVoteChoice> builder)
    {
        builder.ToTable("OpenVoteChoices");
        // The key is the rule: one choice per institution per vote, enforced by the database.
        builder.HasKey(c => new { c.VoteId, c.InstitutionId });
        builder.Property(c => c.Choice).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Vote>().WithMany().HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteParticipationConfiguration : IEntityTypeConfiguration<VoteParticipation>
{
    public void Configure(EntityTypeBuilder<VoteParticipation> builder)
    {
        builder.ToTable("VoteParticipations");
        builder.HasKey(p => new { p.VoteId, p.InstitutionId });
        builder.HasOne<Vote>().WithMany().HasForeignKey(p => p.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecretBallotConfiguration : IEntityTypeConfiguration<SecretBallot>
{
    public void Configure(EntityTypeBuilder<SecretBallot> builder)
    {
        builder.ToTable("SecretBallots");
        // A random key, never clustered on SQL Server: a clustered or sequential key would keep insert order.
        builder.HasKey(b => b.Id).IsClustered(false);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Choice).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Vote>().WithMany().HasForeignKey(b => b.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
