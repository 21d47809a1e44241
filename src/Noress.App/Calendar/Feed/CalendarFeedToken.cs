using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Calendar.Feed;

/// <summary>A person's iCalendar feed: only the SHA-256 hash of the secret token in its URL is stored.</summary>
public sealed class CalendarFeedToken
{
    public Guid UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.ToTable("CalendarFeedTokens");
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
