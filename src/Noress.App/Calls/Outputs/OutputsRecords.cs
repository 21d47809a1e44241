using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Documents;

namespace Noress.App.Calls.Outputs;

/// <summary>The outcome a decision letter announces; each has its template per call and language.</summary>
public enum LetterOutcome
{
    // AMI
    Selected = 0,
    Reserve = 1,
    Rejected = 2,
    Ineligible = 3,

    // Competition
    Prize = 10,
    HonourableMention = 11,
    NotAwarded = 12,
}

/// <summary>What the calls' outputs keep per call (one row, created on first need): the published results and the jury's minutes.</summary>
public sealed class CallOutputs
{
    public Guid CallId { get; set; }

    /// <summary>When the secretariat published the results; null before (nothing of them is shown).</summary>
    public DateTime? ResultsPublishedAt { get; set; }

    public Guid? ResultsPublishedById { get; set; }

    /// <summary>The jury's minutes, a co-edited document of the call's space, created once.</summary>
    public Guid? MinutesDocumentId { get; set; }
}

/// <summary>A decision letter's template edited by the secretariat for one call, outcome and language (absent: the default).</summary>
public sealed class DecisionLetterTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    public LetterOutcome Outcome { get; set; }

    /// <summary>fr, ar or en.</summary>
    public required string Culture { get; set; }

    /// <summary>Markdown with named placeholders (<c>{{applicant}}</c>...), checked by <see cref="LetterTemplates.Unknown"/>.</summary>
    public required string Markdown { get; set; }

    public Guid? UpdatedById { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>The marker that a decision's letter was sent: one per application and outcome, so sending twice mails once.</summary>
public sealed class DecisionLetterSent
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApplicationId { get; set; }

    public LetterOutcome Outcome { get; set; }

    /// <summary>The letter's language (the applicant's).</summary>
    public required string Culture { get; set; }

    public DateTime SentAt { get; set; }

    public Guid? SentById { get; set; }
}

internal sealed class CallOutputsConfiguration : IEntityTypeConfiguration<CallOutputs>
{
    public void Configure(EntityTypeBuilder<CallOutputs> builder)
    {
        builder.ToTable("CallOutputs");
        builder.HasKey(o => o.CallId);
        builder.HasOne<Call>().WithOne().HasForeignKey<CallOutputs>(o => o.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(o => o.ResultsPublishedById).OnDelete(DeleteBehavior.Restrict);
        // Restrict: SQL Server refuses a second cascading path from documents (calls already set their text to null).
        builder.HasOne<Document>().WithMany().HasForeignKey(o => o.MinutesDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionLetterTemplateConfiguration : IEntityTypeConfiguration<DecisionLetterTemplate>
{
    public void Configure(EntityTypeBuilder<DecisionLetterTemplate> builder)
    {
        builder.ToTable("CallLetterTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Culture).HasMaxLength(8).IsRequired();
        builder.Property(t => t.Markdown).HasMaxLength(LetterTemplates.MaxLength).IsRequired();
        builder.HasIndex(t => new { t.CallId, t.Outcome, t.Culture }).IsUnique();
        builder.HasOne<Call>().WithMany().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(t => t.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionLetterSentConfiguration : IEntityTypeConfiguration<DecisionLetterSent>
{
    public void Configure(EntityTypeBuilder<DecisionLetterSent> builder)
    {
        builder.ToTable("CallLettersSent");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Culture).HasMaxLength(8).IsRequired();
        builder.HasIndex(s => new { s.ApplicationId, s.Outcome }).IsUnique();
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(s => s.SentById).OnDelete(DeleteBehavior.Restrict);
    }
}
