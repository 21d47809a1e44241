using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Accounts;

namespace Noress.App.Calls.Review;

/// <summary>
/// A note written on the deliberation screen by the jury's chair or the secretariat (issue 12 §12): about one entry, or
/// general (<see cref="ApplicationId"/> null). Kept and audited like every row; shown only to those who deliberate the
/// entry, so a chair conflicted with it never reads its notes.
/// </summary>
public sealed class DeliberationNote
{
    public const int MaxText = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CallId { get; set; }

    /// <summary>The entry the note is about; null for a general note on the deliberation.</summary>
    public Guid? ApplicationId { get; set; }

    public Guid AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTime At { get; set; }
}

internal sealed class DeliberationNoteConfiguration : IEntityTypeConfiguration<DeliberationNote>
{
    public void Configure(EntityTypeBuilder<DeliberationNote> builder)
    {
        builder.ToTable("CallDeliberationNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(DeliberationNote.MaxText);
        builder.HasIndex(n => new { n.CallId, n.At });
        builder.HasIndex(n => n.ApplicationId);
        builder.HasIndex(n => n.AuthorId);
        builder.HasOne<Call>().WithMany().HasForeignKey(n => n.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CallApplication>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoressUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
