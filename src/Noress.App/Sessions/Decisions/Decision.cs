using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions.Decisions;

/// <summary>
/// An adopted deliberation in the register: numbered per year (2026-007), with its wording, its session and
/// its vote. Withdrawn (never deleted, never renumbered) when the vote's verdict is overridden to rejected.
/// </summary>
public sealed class Decision : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The year of the vote's close, Casablanca time.</summary>
    public int Year { get; set; }

    /// <summary>1, 2, 3... within <see cref="Year"/>, without gaps: taken from <see cref="DecisionCounter"/> in the vote's transaction.</summary>
    public int Sequence { get; set; }

    /// <summary>The wording: the vote's motion, which the secretariat may edit until the minutes are approved.</summary>
    public required string Text { get; set; }

    public Guid SessionId { get; set; }

    public Guid VoteId { get; set; }

    public Guid? AgendaItemId { get; set; }

    /// <summary>When the vote closed (UTC).</summary>
    public DateTime DecidedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public Guid Version { get; set; }

    public string Number => Format(Year, Sequence);

    public bool IsWithdrawn => WithdrawnAt is not null;

    public static string Format(int year, int sequence) => $"{year:0000}-{sequence:000}";
}

/// <summary>The last number given in a year. Bookkeeping behind <see cref="Decision.Sequence"/>; the decisions themselves are audited.</summary>
public sealed class DecisionCounter : IAuditExempt
{
    public int Year { get; set; }

    public int Last { get; set; }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("Decisions");
        builder.HasKey(d => d.Id);
        builder.Ignore(d => d.Number);
        builder.Ignore(d => d.IsWithdrawn);
        builder.Property(d => d.Text).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        // The number is the database's rule: one decision per (year, sequence), one per vote.
        builder.HasIndex(d => new { d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.VoteId).IsUnique();
        builder.HasIndex(d => d.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(d => d.VoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionCounterConfiguration : IEntityTypeConfiguration<DecisionCounter>
{
    public void Configure(EntityTypeBuilder<DecisionCounter> builder)
    {
        builder.ToTable("DecisionCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
