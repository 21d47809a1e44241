using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

/// <summary>A C# port of the @codemirror/collab client: local unconfirmed updates, push, receive with rebase.</summary>
internal sealed class SimulatedClient(string id, string text, int version)
{
    public string Id { get; } = id;

    public string Text { get; private set; } = text;

    public int Version { get; private set; } = version;

    public List<ChangeSet> Unconfirmed { get; private set; } = [];

    public bool Connected { get; set; } = true;

    public Queue<IReadOnlyList<AcceptedUpdate>> Inbox { get; } = new();

    public void Edit(ChangeSet changes)
    {
        Text = changes.Apply(Text);
        Unconfirmed.Add(changes);
    }

    public IReadOnlyList<IncomingUpdate> Sendable(int count) =>
        [.. Unconfirmed.Take(count).Select(c => new IncomingUpdate(Id, c.ToJsonElement()))];

    /// <summary>receiveUpdates: own updates confirm unconfirmed ones, others are composed and the rest rebased over them.</summary>
    public void Receive(IReadOnlyList<AcceptedUpdate> updates)
    {
        var fresh = updates.Where(u => u.Version > Version).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (fresh[0].Version != Version + 1)
        {
            throw new InvalidOperationException($"Gap: client at {Version} got {fresh[0].Version}");
        }

        Version += fresh.Count;
        ChangeSet? changes = null;
        var own = 0;
        foreach (var update in fresh)
        {
            if (own < Unconfirmed.Count && update.ClientId == Id)
            {
                if (changes is not null)
                {
                    // The authority may have rebased our update over these: take the order its stored form shows.
                    changes = UpdateRebase.MapOverOwn(changes, Unconfirmed[own], update.Changes)
                        ?? throw new InvalidOperationException("The stored form of our update is no rebase of it.");
                }

                own++;
            }
            else
            {
                changes = changes is null ? update.Changes : changes.Compose(update.Changes);
            }
        }

        var unconfirmed = Unconfirmed.Skip(own).ToList();
        if (unconfirmed.Count > 0 && changes is not null)
        {
            var rebased = new List<ChangeSet>(unconfirmed.Count);
            foreach (var update in unconfirmed)
            {
                rebased.Add(update.Map(changes));
                changes = changes.Map(update, true);
            }

            unconfirmed = rebased;
        }

        Unconfirmed = unconfirmed;
        if (changes is not null)
        {
            Text = changes.Apply(Text);
        }
    }
}

/// <summary>An authority over a private in-memory SQLite database.</summary>
internal sealed class AuthorityFixture : IAsyncDisposable
{
    private TestDatabase database = default!;

    public DocumentAuthority Authority { get; private set; } = default!;

    public Guid DocumentId { get; } = Guid.NewGuid();

    public static async Task<AuthorityFixture> CreateAsync(string initialText, DocumentPersistenceMode mode = DocumentPersistenceMode.Batched)
    {
        var fixture = new AuthorityFixture();
        fixture.database = await TestDatabase.CreateAsync(new ServiceCollection(), TimeProvider.System);
        await using (var db = await fixture.database.Factory.CreateDbContextAsync())
        {
            db.Documents.Add(new Document { Id = fixture.DocumentId, Title = "Test", CreatedAt = DateTime.UtcNow });
            db.DocumentSnapshots.Add(new DocumentSnapshot { DocumentId = fixture.DocumentId, Version = 0, Text = initialText });
            await db.SaveChangesAsync();
        }

        var options = Options.Create(new DocumentOptions { Persistence = mode, BatchSize = 1000, MaxDocumentLength = 10_000_000 });
        fixture.Authority = new DocumentAuthority(fixture.database.Factory, options, TimeProvider.System, NullLogger<DocumentAuthority>.Instance);
        return fixture;
    }

    /// <summary>An authority over this database that stores each push before answering it.</summary>
    public DocumentAuthority ImmediateAuthority(IDbContextFactory<NoressDbContext>? factory = null) =>
        new(factory ?? database.Factory, Options.Create(new DocumentOptions { Persistence = DocumentPersistenceMode.Immediate, MaxDocumentLength = 10_000_000 }), TimeProvider.System, NullLogger<DocumentAuthority>.Instance);

    public IDbContextFactory<NoressDbContext> Factory => database.Factory;

    public async ValueTask DisposeAsync() => await database.DisposeAsync();
}
