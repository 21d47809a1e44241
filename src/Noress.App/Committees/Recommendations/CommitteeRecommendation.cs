using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;
using Noress.App.Data;

namespace Noress.App.Committees.Recommendations;

/// <summary>
/// What a committee forwards to the plenary (ADR 0028): one of its documents, or a free-text plan change. It becomes
/// an agenda item of the next plenary being prepared, or waits on the secretariat's list until one is chosen.
/// </summary>
public sealed class CommitteeRecommendation : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CommitteeId { get; set; }

    /// <summary>The agenda item's title.</summary>
    public required string Title { get; set; }

    /// <summary>The committee document forwarded, or null for a free-text plan change.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>The free-text plan change (markdown), or null when a document is forwarded.</summary>
    public string? Text { get; set; }

    public RecommendationState State { get; set; }

    public Guid ForwardedById { get; set; }

    public DateTime ForwardedAt { get; set; }

    /// <summary>The plenary session and agenda item it was put on, once scheduled.</summary>
    public Guid? SessionId { get; set; }

    public Guid? AgendaItemId { get; set; }

    public Guid? ScheduledById { get; set; }

    public DateTime? ScheduledAt { get; set; }

    public Guid Version { get; set; }
}

public enum RecommendationState
{
    /// <summary>No plenary was being prepared: on the secretariat's list.</summary>
    Pending,

    /// <summary>On a plenary's agenda.</summary>
    Scheduled,
}

internal sealed class CommitteeRecommendationConfiguration : IEntityTypeConfiguration<CommitteeRecommendation>
{
    public void Configure(EntityTypeBuilder<CommitteeRecommendation> builder)
    {
        builder.ToTable("CommitteeRecommendations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(RecommendationService.MaxText);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CommitteeId, r.ForwardedAt });
        builder.HasIndex(r => r.State);
        builder.HasOne<Committee>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(r => r.ForwardedById).OnDelete(DeleteBehavior.Restrict);
    }
}
