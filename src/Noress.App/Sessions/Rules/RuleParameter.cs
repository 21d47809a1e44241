using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Sessions.Rules;

/// <summary>
/// One version of one rule parameter: its value from <see cref="EffectiveFrom"/> until the next version of the
/// same key, and the article of the internal rules that sets it. Rows are only appended; history stays.
/// </summary>
public sealed class RuleParameter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public RuleKey Key { get; set; }

    /// <summary>Invariant text: "1/2", "Simple/VotesCast", "true", "1", "Secret".</summary>
    public required string Value { get; set; }

    /// <summary>The article of the internal rules, e.g. "Art. 12".</summary>
    public required string Article { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum RuleKey
{
    /// <summary>Fraction of the members present or represented.</summary>
    Quorum,

    /// <summary>Fraction at a second convocation.</summary>
    SecondConvocationQuorum,

    /// <summary>Majority for ordinary deliberations.</summary>
    DeliberationMajority,

    /// <summary>Majority for amendments of the internal rules.</summary>
    AmendmentMajority,

    /// <summary>Majority needed in the absolute rounds of an election.</summary>
    ElectionMajority,

    /// <summary>Whether abstentions count in the votes cast.</summary>
    AbstentionsCount,

    /// <summary>How many proxies one institution may hold in one session.</summary>
    MaxProxiesPerInstitution,

    /// <summary>Open or secret ballots for elections of persons.</summary>
    ElectionBallot,

    /// <summary>How many rounds require the absolute majority before the relative one decides.</summary>
    ElectionAbsoluteRounds,

    /// <summary>A speaker's default time on the floor, in seconds (none seeded: three minutes until the rules set it).</summary>
    SpeakingSeconds,
}

public enum BallotKind
{
    Open,
    Secret,
}

internal sealed class RuleParameterConfiguration : IEntityTypeConfiguration<RuleParameter>
{
    // The defaults of the founding rules (session of 18 March 2015), so a fresh platform can run a session.
    private static readonly DateOnly Founding = new(2015, 3, 18);

    public void Configure(EntityTypeBuilder<RuleParameter> builder)
    {
        builder.ToTable("RuleParameters");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Key).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Value).HasMaxLength(64);
        builder.Property(p => p.Article).HasMaxLength(64);
        builder.HasIndex(p => new { p.Key, p.EffectiveFrom }).IsUnique();
        builder.HasData(
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a01", RuleKey.Quorum, "1/2", "Art. 9"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a02", RuleKey.SecondConvocationQuorum, "1/3", "Art. 9"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a03", RuleKey.DeliberationMajority, "Simple/VotesCast", "Art. 11"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a04", RuleKey.AmendmentMajority, "TwoThirds/VotesCast", "Art. 18"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a05", RuleKey.ElectionMajority, "Absolute/VotesCast", "Art. 13"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a06", RuleKey.AbstentionsCount, "false", "Art. 11"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a07", RuleKey.MaxProxiesPerInstitution, "1", "Art. 10"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a08", RuleKey.ElectionBallot, "Secret", "Art. 13"),
            Default("5d1c3b8e-7a52-4f0e-9c3a-1b2d3e4f5a09", RuleKey.ElectionAbsoluteRounds, "2", "Art. 13"));
    }

    private static RuleParameter Default(string id, RuleKey key, string value, string article) => new()
    {
        Id = Guid.Parse(id),
        Key = key,
        Value = value,
        Article = article,
        EffectiveFrom = Founding,
        CreatedAt = new DateTime(2015, 3, 18, 0, 0, 0, DateTimeKind.Utc),
    };
}
