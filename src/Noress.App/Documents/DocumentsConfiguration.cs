using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Noress.App.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Title).HasMaxLength(300).IsRequired();
        builder.Property(d => d.SpaceKind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(d => new { d.SpaceKind, d.SpaceId });
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class DocumentUpdateConfiguration : IEntityTypeConfiguration<DocumentUpdate>
{
    public void Configure(EntityTypeBuilder<DocumentUpdate> builder)
    {
        builder.ToTable("DocumentUpdates");
        // The key is the unique (DocumentId, Version) index that decides which racing push won.
        builder.HasKey(u => new { u.DocumentId, u.Version });
        builder.Property(u => u.ClientId).HasMaxLength(64).IsRequired();
        builder.Property(u => u.ChangesJson).IsRequired();
        builder.HasOne<Document>().WithMany().HasForeignKey(u => u.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentSnapshotConfiguration : IEntityTypeConfiguration<DocumentSnapshot>
{
    public void Configure(EntityTypeBuilder<DocumentSnapshot> builder)
    {
        builder.ToTable("DocumentSnapshots");
        builder.HasKey(s => new { s.DocumentId, s.Version });
        builder.Property(s => s.Text).IsRequired();
        builder.HasOne<Document>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentPermissionConfiguration : IEntityTypeConfiguration<DocumentPermission>
{
    public void Configure(EntityTypeBuilder<DocumentPermission> builder)
    {
        builder.ToTable("DocumentPermissions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SpaceKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.PrincipalKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Principal).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Right).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.DocumentId);
        builder.HasIndex(p => new { p.SpaceKind, p.SpaceId });
        builder.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentLabelConfiguration : IEntityTypeConfiguration<DocumentLabel>
{
    public void Configure(EntityTypeBuilder<DocumentLabel> builder)
    {
        builder.ToTable("DocumentLabels");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Label).HasMaxLength(200).IsRequired();
        builder.Property(l => l.TextHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => new { l.DocumentId, l.DocumentVersion });
        builder.HasOne<Document>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentThreadConfiguration : IEntityTypeConfiguration<CommentThread>
{
    public void Configure(EntityTypeBuilder<CommentThread> builder)
    {
        builder.ToTable("DocumentCommentThreads");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.DocumentId);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Comments).WithOne().HasForeignKey(c => c.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("DocumentComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Body).HasMaxLength(8000).IsRequired();
    }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("DocumentSuggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ChangesJson).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.DocumentId, s.Status });
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Document>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
