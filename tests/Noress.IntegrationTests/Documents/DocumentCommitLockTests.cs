using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;
using Npgsql;

namespace Noress.IntegrationTests.Documents;

/// <summary>
/// Several nodes take one document's commits in turn under a database lock (ADR 0064), on the throwaway PostgreSQL
/// server: a second node waits for the first's lock, and two nodes' authorities pushing on one old version never lose
/// a race on the unique (document, version) key.
/// </summary>
public sealed class DocumentCommitLockTests
{
    [Fact]
    public async Task Lock_HeldByOneNode_MakesTheOtherWaitUntilReleased()
    {
        await using var factory = new NoressAppFactory(DatabaseProvider.PostgreSql);
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        var documentId = Guid.NewGuid();

        var first = await new DocumentCommitLock(dbFactory).AcquireAsync(documentId, CancellationToken.None);
        var second = new DocumentCommitLock(dbFactory).AcquireAsync(documentId, CancellationToken.None);
        // While the first holds it, no other session can take the document's lock: the second cannot have it yet.
        Assert.False(await CountAsync(factory, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pg_try_advisory_lock((classid::bigint << 32) | objid::bigint)") > 0);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        var held = await second;
        Assert.Equal(1L, await CountAsync(factory, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"));
        await held.DisposeAsync();
        Assert.Equal(0L, await CountAsync(factory, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    }

    [Fact]
    public async Task AuthoritiesOfTwoNodes_PushingOnOneOldVersion_NeverLoseARace()
    {
        await using var factory = new NoressAppFactory(DatabaseProvider.PostgreSql);
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        Guid userId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            userId = (await db.Users.SingleAsync(u => u.Email == "secretariat@noress.demo")).Id;
        }

        // Two authorities on one database, as two nodes have; each with its own lock connection.
        var losses = new WarningCounter();
        var nodeA = new DocumentAuthority(dbFactory, Options.Create(new DocumentOptions()), TimeProvider.System, losses, new DocumentCommitLock(dbFactory));
        var nodeB = new DocumentAuthority(dbFactory, Options.Create(new DocumentOptions()), TimeProvider.System, losses, new DocumentCommitLock(dbFactory));

        // Every push on version 0: each node's commits would land on versions the other one just took.
        var pushes = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            nodeA.PushRebasingAsync(id, 0, [Update($"a{i}", """[3,[0,"a"]]""")], userId),
            nodeB.PushRebasingAsync(id, 0, [Update($"b{i}", """[3,[0,"b"]]""")], userId),
        }).ToList();
        var outcomes = await Task.WhenAll(pushes);

        Assert.All(outcomes, o => Assert.Equal(PushStatus.Accepted, o.Status));
        Assert.Equal(80, outcomes.Max(o => o.Version));
        var headA = await nodeA.GetHeadAsync(id);
        var headB = await nodeB.GetHeadAsync(id);
        Assert.Equal(80, headA!.Version);
        Assert.Equal(headA.Text, headB!.Text);
        Assert.Equal(83, headA.Text.Length);
        Assert.Equal(0, losses.Count);
    }

    private static IncomingUpdate Update(string clientId, string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return new IncomingUpdate(clientId, json.RootElement.Clone());
    }

    private static async Task<long> CountAsync(NoressAppFactory factory, string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Counts the authority's "lost the race" entries (LogPushLost, information level) and anything worse.
    private sealed class WarningCounter : ILogger<DocumentAuthority>
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning || formatter(state, exception).Contains("lost the race", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref count);
            }
        }
    }
}
