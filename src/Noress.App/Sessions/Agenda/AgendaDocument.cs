using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Noress.App.Documents;

namespace Noress.App.Sessions.Agenda;

/// <summary>A document attached to an agenda item (a report, a draft deliberation), read from the item.</summary>
public sealed class AgendaDocument
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid AgendaItemId { get; set; }

    public Guid DocumentId { get; set; }

    public Guid? AttachedById { get; set; }

    public DateTime AttachedAt { get; set; }
}

internal sealed class AgendaDocumentConfiguration : IEntityTypeConfiguration<AgendaDocument>
{
    public void Configure(EntityTypeBuilder<AgendaDocument> builder)
    {
        builder.ToTable("AgendaDocuments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.AgendaItemId, a.DocumentId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
