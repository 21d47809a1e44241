using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Members;

namespace Noress.App.Calls;

// People are never deleted (they are deactivated), so every reference to a person is Restrict: SQL Server refuses
// a second cascading path to the same table. A call cascades to what it owns, an application to what it owns; the
// form's fields and the grid's criteria are Restrict towards answers and scores (the service removes a field only
// while nobody answered it).

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.TitleFr).HasMaxLength(CallLimits.MaxTitle).IsRequired();
        builder.Property(c => c.TitleAr).HasMaxLength(CallLimits.MaxTitle).IsRequired();
        builder.Property(c => c.TitleEn).HasMaxLength(CallLimits.MaxTitle);
        builder.Property(c => c.EnvelopeTotal).HasPrecision(18, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Kind, c.Edition }).IsUnique();
        builder.HasIndex(c => c.DeadlineAt);
        builder.HasOne<Document>().WithMany().HasForeignKey(c => c.TextDocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallPrizeConfiguration : IEntityTypeConfiguration<CallPrize>
{
    public void Configure(EntityTypeBuilder<CallPrize> builder)
    {
        builder.ToTable("CallPrizes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.HasIndex(p => new { p.CallId, p.Rank }).IsUnique();
        builder.HasOne<Call>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallEligibilityConfiguration : IEntityTypeConfiguration<CallEligibility>
{
    public void Configure(EntityTypeBuilder<CallEligibility> builder)
    {
        builder.ToTable("CallEligibility");
        builder.HasKey(e => e.CallId);
        builder.Property(e => e.MaxRequestedAmount).HasPrecision(18, 2);
        builder.Property(e => e.MinOwnContributionPercent).HasPrecision(5, 2);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Call>().WithOne().HasForeignKey<CallEligibility>(e => e.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallFormFieldConfiguration : IEntityTypeConfiguration<CallFormField>
{
    public void Configure(EntityTypeBuilder<CallFormField> builder)
    {
        builder.ToTable("CallFormFields");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.LabelFr).HasMaxLength(CallLimits.MaxLabel).IsRequired();
        builder.Property(f => f.LabelAr).HasMaxLength(CallLimits.MaxLabel).IsRequired();
        builder.Property(f => f.LabelEn).HasMaxLength(CallLimits.MaxLabel);
        builder.Property(f => f.HelpFr).HasMaxLength(CallLimits.MaxHelp);
        builder.Property(f => f.HelpAr).HasMaxLength(CallLimits.MaxHelp);
        builder.Property(f => f.HelpEn).HasMaxLength(CallLimits.MaxHelp);
        builder.Property(f => f.MinAmount).HasPrecision(18, 2);
        builder.Property(f => f.MaxAmount).HasPrecision(18, 2);
        builder.Property(f => f.ChoicesFr).HasMaxLength(CallLimits.MaxChoices);
        builder.Property(f => f.ChoicesAr).HasMaxLength(CallLimits.MaxChoices);
        builder.Property(f => f.ChoicesEn).HasMaxLength(CallLimits.MaxChoices);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.CallId, f.Position });
        builder.HasOne<Call>().WithMany().HasForeignKey(f => f.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationCriterionConfiguration : IEntityTypeConfiguration<EvaluationCriterion>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterion> builder)
    {
        builder.ToTable("CallCriteria");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.LabelFr).HasMaxLength(CallLimits.MaxLabel).IsRequired();
        builder.Property(c => c.LabelAr).HasMaxLength(CallLimits.MaxLabel).IsRequired();
        builder.Property(c => c.LabelEn).HasMaxLength(CallLimits.MaxLabel);
        builder.Property(c => c.Weight).HasPrecision(9, 3);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.CallId, c.Position });
        builder.HasOne<Call>().WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallJurorConfiguration : IEntityTypeConfiguration<CallJuror>
{
    public void Configure(EntityTypeBuilder<CallJuror> builder)
    {
        builder.ToTable("CallJurors");
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => new { j.CallId, j.UserId }).IsUnique();
        builder.HasIndex(j => j.UserId);
        builder.HasOne<Call>().WithMany().HasForeignKey(j => j.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> builder)
    {
        builder.ToTable("CallApplications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(CallLimits.MaxTitle).IsRequired();
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.RequestedAmount).HasPrecision(18, 2);
        builder.Property(a => a.OwnContribution).HasPrecision(18, 2);
        builder.Property(a => a.ReceiptHash).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.CallId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.CallId, a.State });
        builder.HasIndex(a => a.InstitutionId);
        builder.HasIndex(a => a.ApplicantUserId);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(a => a.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(a => a.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.ToTable("CallApplicationAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Text).HasMaxLength(CallLimits.MaxTextAnswer);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasIndex(a => new { a.ApplicationId, a.FieldId }).IsUnique();
        builder.HasIndex(a => a.FieldId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallFormField>().WithMany().HasForeignKey(a => a.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationBudgetLineConfiguration : IEntityTypeConfiguration<ApplicationBudgetLine>
{
    public void Configure(EntityTypeBuilder<ApplicationBudgetLine> builder)
    {
        builder.ToTable("CallApplicationBudgetLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Label).HasMaxLength(CallLimits.MaxLabel).IsRequired();
        builder.Property(l => l.Requested).HasPrecision(18, 2);
        builder.Property(l => l.OwnContribution).HasPrecision(18, 2);
        builder.HasIndex(l => new { l.ApplicationId, l.FieldId, l.Position });
        builder.HasIndex(l => l.FieldId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallFormField>().WithMany().HasForeignKey(l => l.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationPartnerConfiguration : IEntityTypeConfiguration<ApplicationPartner>
{
    public void Configure(EntityTypeBuilder<ApplicationPartner> builder)
    {
        builder.ToTable("CallApplicationPartners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(CallLimits.MaxLabel);
        builder.Property(p => p.Role).HasMaxLength(CallLimits.MaxLabel);
        builder.HasIndex(p => new { p.ApplicationId, p.FieldId, p.Position });
        builder.HasIndex(p => p.InstitutionId);
        builder.HasIndex(p => p.FieldId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallFormField>().WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationFileConfiguration : IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<ApplicationFile> builder)
    {
        builder.ToTable("CallApplicationFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FileName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(64).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => new { f.ApplicationId, f.FieldId });
        builder.HasIndex(f => f.FieldId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallFormField>().WithMany().HasForeignKey(f => f.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationTransitionConfiguration : IEntityTypeConfiguration<ApplicationTransition>
{
    public void Configure(EntityTypeBuilder<ApplicationTransition> builder)
    {
        builder.ToTable("CallApplicationTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Reason).HasMaxLength(CallLimits.MaxReason);
        builder.HasIndex(t => new { t.ApplicationId, t.At });
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(t => t.ById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JurorAssignmentConfiguration : IEntityTypeConfiguration<JurorAssignment>
{
    public void Configure(EntityTypeBuilder<JurorAssignment> builder)
    {
        builder.ToTable("CallJurorAssignments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ApplicationId, a.JurorId }).IsUnique();
        builder.HasIndex(a => a.JurorId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(a => a.JurorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(a => a.AssignedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("CallConflicts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(CallLimits.MaxReason);
        builder.HasIndex(c => new { c.ApplicationId, c.JurorId }).IsUnique();
        builder.HasIndex(c => c.JurorId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(c => c.JurorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.ToTable("CallScoreSheets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Comment).HasMaxLength(CallLimits.MaxComment);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ApplicationId, s.JurorId }).IsUnique();
        builder.HasIndex(s => s.JurorId);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(s => s.JurorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.ToTable("CallScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Points).HasPrecision(9, 3);
        builder.Property(s => s.Comment).HasMaxLength(CallLimits.MaxComment);
        builder.HasIndex(s => new { s.SheetId, s.CriterionId }).IsUnique();
        builder.HasIndex(s => s.CriterionId);
        builder.HasOne<ScoreSheet>().WithMany().HasForeignKey(s => s.SheetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EvaluationCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
