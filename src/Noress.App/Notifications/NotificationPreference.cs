using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Notifications;

/// <summary>A person's e-mail choice for one category; no row means <see cref="EmailDelivery.Immediately"/>.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    public required string Category { get; set; }

    public EmailDelivery Delivery { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.UserId, p.Category });
        builder.Property(p => p.Category).HasMaxLength(32);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
