namespace Noress.App.Members.Mou;

/// <summary>One adopted version of the memorandum of understanding; versions are added, never edited.</summary>
public sealed class MouVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Markdown { get; set; }

    public DateOnly AdoptedOn { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
