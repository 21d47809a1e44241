using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Committees;
using Noress.App.Documents;
using Noress.App.Members;
using Noress.App.Sessions.Decisions;

namespace Noress.App.Plans;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ToTable("ActionPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ScopeKey).HasMaxLength(40).IsRequired();
        builder.HasIndex(p => p.ScopeKey).IsUnique();
        builder.Property(p => p.TitleFr).HasMaxLength(300).IsRequired();
        builder.Property(p => p.TitleAr).HasMaxLength(300).IsRequired();
        builder.Property(p => p.TitleEn).HasMaxLength(300);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Committee>().WithMany().HasForeignKey(p => p.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> builder)
    {
        builder.ToTable("PlanItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TitleFr).HasMaxLength(PlanRules.MaxTitle).IsRequired();
        builder.Property(i => i.TitleAr).HasMaxLength(PlanRules.MaxTitle).IsRequired();
        builder.Property(i => i.TitleEn).HasMaxLength(PlanRules.MaxTitle);
        builder.Property(i => i.Weight).HasPrecision(9, 3);
        builder.Property(i => i.BudgetPlanned).HasPrecision(18, 2);
        builder.Property(i => i.BudgetCommitted).HasPrecision(18, 2);
        builder.Property(i => i.BudgetSpent).HasPrecision(18, 2);
        builder.Property(i => i.OverspendReason).HasMaxLength(PlanRules.MaxText);
        builder.Property(i => i.DecisionReference).HasMaxLength(PlanRules.MaxReference);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.PlanId, i.ParentId, i.Position });
        builder.HasIndex(i => i.DueOn);
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: removing a node with children is refused by the service, never cascaded silently.
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(i => i.DescriptionDocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.LeadInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(i => i.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(i => i.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(i => i.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanItemPartnerConfiguration : IEntityTypeConfiguration<PlanItemPartner>
{
    public void Configure(EntityTypeBuilder<PlanItemPartner> builder)
    {
        builder.ToTable("PlanItemPartners");
        builder.HasKey(p => new { p.ItemId, p.InstitutionId });
        builder.HasIndex(p => p.InstitutionId);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanIndicatorConfiguration : IEntityTypeConfiguration<PlanIndicator>
{
    public void Configure(EntityTypeBuilder<PlanIndicator> builder)
    {
        builder.ToTable("PlanIndicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.NameFr).HasMaxLength(PlanRules.MaxTitle).IsRequired();
        builder.Property(i => i.NameAr).HasMaxLength(PlanRules.MaxTitle).IsRequired();
        builder.Property(i => i.NameEn).HasMaxLength(PlanRules.MaxTitle);
        builder.Property(i => i.Unit).HasMaxLength(PlanRules.MaxUnit).IsRequired();
        builder.Property(i => i.Baseline).HasPrecision(18, 4);
        builder.Property(i => i.Target).HasPrecision(18, 4);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.ItemId);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorMeasureConfiguration : IEntityTypeConfiguration<IndicatorMeasure>
{
    public void Configure(EntityTypeBuilder<IndicatorMeasure> builder)
    {
        builder.ToTable("IndicatorMeasures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Period).HasMaxLength(7).IsRequired();
        builder.Property(m => m.Actual).HasPrecision(18, 4);
        builder.HasIndex(m => new { m.IndicatorId, m.Period }).IsUnique();
        builder.HasOne<PlanIndicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanEvidenceConfiguration : IEntityTypeConfiguration<PlanEvidence>
{
    public void Configure(EntityTypeBuilder<PlanEvidence> builder)
    {
        builder.ToTable("PlanEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ContentType).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.ItemId);
        builder.HasOne<PlanItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(e => e.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}
