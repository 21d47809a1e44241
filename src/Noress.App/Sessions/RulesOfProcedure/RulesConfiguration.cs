using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Sessions.Votes;

namespace Noress.App.Sessions.RulesOfProcedure;

internal sealed class RulesArticleConfiguration : IEntityTypeConfiguration<RulesArticle>
{
    public void Configure(EntityTypeBuilder<RulesArticle> builder)
    {
        builder.ToTable("RulesArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(RulesText.MaxNumberLength).IsRequired();
        builder.Property(a => a.TitleFr).HasMaxLength(200).IsRequired();
        builder.Property(a => a.TitleAr).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasData(FoundingRules.Articles.Select(a => new RulesArticle
        {
            Id = FoundingRules.ArticleId(a.Number),
            Number = RulesText.NumberOf(a.Number),
            Position = a.Number * RulesText.PositionStep,
            TitleFr = a.TitleFr,
            TitleAr = a.TitleAr,
            CreatedAt = FoundingRules.CreatedAt,
        }));
    }
}

internal sealed class RulesArticleVersionConfiguration : IEntityTypeConfiguration<RulesArticleVersion>
{
    public void Configure(EntityTypeBuilder<RulesArticleVersion> builder)
    {
        builder.ToTable("RulesArticleVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.TextFr).HasMaxLength(RulesText.MaxTextLength).IsRequired();
        builder.Property(v => v.TextAr).HasMaxLength(RulesText.MaxTextLength).IsRequired();
        builder.Ignore(v => v.IsFounding);
        builder.Ignore(v => v.IsRevoked);
        // One version of an article per date: the text in force on a day is never ambiguous.
        builder.HasIndex(v => new { v.ArticleId, v.EffectiveFrom }).IsUnique();
        builder.HasOne<RulesArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RulesAmendment>().WithMany().HasForeignKey(v => v.AmendmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vote>().WithMany().HasForeignKey(v => v.AdoptedByVoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(FoundingRules.Articles.Select(a => new RulesArticleVersion
        {
            Id = FoundingRules.VersionId(a.Number),
            ArticleId = FoundingRules.ArticleId(a.Number),
            TextFr = a.TextFr,
            TextAr = a.TextAr,
            EffectiveFrom = FoundingRules.Date,
            CreatedAt = FoundingRules.CreatedAt,
        }));
    }
}

internal sealed class RulesAmendmentConfiguration : IEntityTypeConfiguration<RulesAmendment>
{
    public void Configure(EntityTypeBuilder<RulesAmendment> builder)
    {
        builder.ToTable("RulesAmendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.NewNumber).HasMaxLength(RulesText.MaxNumberLength);
        builder.Property(a => a.NewTitleFr).HasMaxLength(200);
        builder.Property(a => a.NewTitleAr).HasMaxLength(200);
        builder.Property(a => a.TextFr).HasMaxLength(RulesText.MaxTextLength);
        builder.Property(a => a.TextAr).HasMaxLength(RulesText.MaxTextLength);
        builder.Property(a => a.Rationale).HasMaxLength(RulesText.MaxTextLength).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.ArticleId);
        builder.HasIndex(a => a.State);
        // One amendment per agenda item: the vote on the item decides exactly one amendment.
        builder.HasIndex(a => a.AgendaItemId).IsUnique();
        builder.HasOne<RulesArticle>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Vote>().WithMany().HasForeignKey(a => a.DecidedByVoteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RulesAmendmentParameterConfiguration : IEntityTypeConfiguration<RulesAmendmentParameter>
{
    public void Configure(EntityTypeBuilder<RulesAmendmentParameter> builder)
    {
        builder.ToTable("RulesAmendmentParameters");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Key).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Value).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => new { p.AmendmentId, p.Key }).IsUnique();
        builder.HasOne<RulesAmendment>().WithMany().HasForeignKey(p => p.AmendmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
