using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Notifications.Outbox;

/// <summary>
/// One e-mail waiting to go out, written in the same transaction as whatever caused it. The unique
/// idempotency key makes a second enqueue of the same mail fail instead of duplicating it.
/// </summary>
public sealed class OutboxMessage : Noress.App.Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>See <see cref="IdempotencyKeys"/>.</summary>
    public required string IdempotencyKey { get; set; }

    public Guid? UserId { get; set; }

    public required string ToAddress { get; set; }

    public required string ToName { get; set; }

    public required string Culture { get; set; }

    public required string Category { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set by the sender that claimed the message; only that sender may settle it.</summary>
    public Guid? LeaseToken { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Files sent with the mail, written in the same save as the message.</summary>
    public List<OutboxAttachment> Attachments { get; set; } = [];
}

/// <summary>A file carried by an outbox message (an .ics event, for instance).</summary>
public sealed class OutboxAttachment : Noress.App.Audit.IAuditExempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OutboxMessageId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Property(m => m.ToAddress).HasMaxLength(256);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.Property(m => m.Category).HasMaxLength(32);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("OutboxAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(200);
    }
}
