using Microsoft.AspNetCore.SignalR.Client;
using Noress.App.Data;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

public sealed class DocumentHubTests : IAsyncLifetime
{
    private NoressAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new NoressAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Push_OnCurrentVersion_IsAcceptedAndBroadcast()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Bonjour");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await using var reader = await DocumentHubClient.ConnectAsync(factory, "admin@noress.demo");
        var received = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<Guid, List<object>, int>("Updates", (_, _, version) => received.TrySetResult(version));
        await editor.JoinAsync(id);
        await reader.JoinAsync(id);

        var result = await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[7,[0," à tous"]]"""));

        Assert.True(result.Accepted);
        Assert.Equal(1, result.Version);
        Assert.Equal(1, await received.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("Bonjour à tous", (await editor.JoinAsync(id)).Text);
    }

    [Fact]
    public async Task Push_OnOldVersion_IsRebased_AndTheAnswerCarriesOnlyItsStoredForm()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"d"]]"""))).Accepted);

        // Made on version 0 ("abc"): "x" at the start and "c" deleted.
        var rebased = await editor.PushAsync(id, 0, DocumentHubClient.Update("b", """[[0,"x"],2,[1]]"""));

        Assert.True(rebased.Accepted);
        Assert.Null(rebased.Error);
        Assert.Equal(2, rebased.Version);
        Assert.NotNull(rebased.Updates);
        // The others' updates come in the broadcasts (ADR 0060).
        Assert.Equal(["b"], rebased.Updates.Select(u => u.ClientId));
        Assert.Equal("""[[0,"x"],2,[1],1]""", rebased.Updates[0].Changes.GetRawText());
        Assert.Equal("xabd", (await editor.JoinAsync(id)).Text);
    }

    [Fact]
    public async Task Push_OnCurrentVersion_AnswersWithoutUpdates()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);

        var result = await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"d"]]"""));

        Assert.True(result.Accepted);
        Assert.Null(result.Updates);
    }

    [Fact]
    public async Task Push_SentAgainAfterALostAnswer_IsNotStoredTwice()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await using var other = await DocumentHubClient.ConnectAsync(factory, "admin@noress.demo");
        await editor.JoinAsync(id);
        await other.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("mine", """[3,[0,"d"]]"""))).Accepted);
        Assert.True((await other.PushAsync(id, 1, DocumentHubClient.Update("theirs", """[[0,"X"],4]"""))).Accepted);

        // The editor never saw its answer: it sends the same update on version 0, with one more.
        var again = await editor.PushAsync(id, 0, DocumentHubClient.Update("mine", """[3,[0,"d"]]"""), DocumentHubClient.Update("mine", """[4,[0,"e"]]"""));

        Assert.True(again.Accepted);
        Assert.Equal(3, again.Version);
        Assert.Equal(["mine"], again.Updates!.Select(u => u.ClientId));
        Assert.Equal("""[5,[0,"e"]]""", again.Updates![0].Changes.GetRawText());
        Assert.Equal("Xabcde", (await editor.JoinAsync(id)).Text);
    }

    [Fact]
    public async Task Push_TwoEditorsOnTheSameVersion_BothAccepted_TextIsTheReplayOfTheStoredUpdates()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "Bonjour");
        await using var first = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await using var second = await DocumentHubClient.ConnectAsync(factory, "admin@noress.demo");
        await first.JoinAsync(id);
        await second.JoinAsync(id);

        var results = await Task.WhenAll(
            first.PushAsync(id, 0, DocumentHubClient.Update("f", """[7,[0," à tous"]]""")),
            second.PushAsync(id, 0, DocumentHubClient.Update("s", """[[0,"« "],7]""")));

        Assert.All(results, r => Assert.True(r.Accepted));
        Assert.Equal([1, 2], results.Select(r => r.Version).Order());
        var text = (await first.JoinAsync(id)).Text;
        Assert.Equal("« Bonjour à tous", text);
        var stored = await first.InvokeAsync<List<App.Documents.UpdateDto>>("Pull", id, 0);
        var replayed = stored.Aggregate("Bonjour", (current, update) => App.Documents.ChangeSet.Parse(update.Changes.GetRawText()).Apply(current));
        Assert.Equal(text, replayed);
        // The rebased one's answer holds its stored form only, which the pull ends with.
        foreach (var result in results.Where(r => r.Updates is not null))
        {
            Assert.Equal(stored[^1].Changes.GetRawText(), Assert.Single(result.Updates!).Changes.GetRawText());
        }
    }

    [Fact]
    public async Task Push_WithoutEditRight_IsRefused()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        Assert.Equal("Comment", (await member.JoinAsync(id)).Right);

        var result = await member.PushAsync(id, 0, DocumentHubClient.Update("m", """[3,[0,"!"]]"""));

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Equal("abc", (await member.JoinAsync(id)).Text);
    }

    [Fact]
    public async Task Push_OnOldVersion_WithoutJoining_StillChecksTheRight()
    {
        // A push on an old version is rebased, never answered before the rights check, whatever version it claims.
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"d"]]"""))).Accepted);
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");

        var result = await member.PushAsync(id, 0, DocumentHubClient.Update("m", """[3,[0,"!"]]"""));

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Suggest_WithSuggestRight_IsStoredPendingAndDocumentUnchanged()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);

        var result = await editor.InvokeAsync<App.Documents.SuggestResultDto>("Suggest", id, 0, System.Text.Json.JsonDocument.Parse("""[3,[0,"d"]]""").RootElement);

        Assert.True(result.Accepted);
        Assert.Null(result.Error);
        Assert.Equal("abc", (await editor.JoinAsync(id)).Text);
        await using var db = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NoressDbContext>>(factory.Services).CreateDbContextAsync();
        var suggestion = Assert.Single(db.DocumentSuggestions.Where(s => s.DocumentId == id));
        Assert.Equal(App.Documents.SuggestionStatus.Pending, suggestion.Status);
    }

    [Fact]
    public async Task Suggestions_ListedToAReader_AreMappedOverLaterUpdates_AndAnnouncedLive()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        var announced = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.On<Guid>("AnnotationsChanged", documentId => announced.TrySetResult(documentId));
        await editor.JoinAsync(id);
        await member.JoinAsync(id);

        // Suggested on version 0 ("abc" + "d"); then someone inserts "X" at the start directly.
        var suggested = await editor.InvokeAsync<App.Documents.SuggestResultDto>("Suggest", id, 0, System.Text.Json.JsonDocument.Parse("""[3,[0,"d"]]""").RootElement);
        Assert.True(suggested.Accepted);
        Assert.Equal(id, await announced.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[[0,"X"],3]"""))).Accepted);

        var listed = await member.InvokeAsync<List<App.Documents.SuggestionDto>>("Suggestions", id);

        var suggestion = Assert.Single(listed);
        Assert.Equal(1, suggestion.Version);
        Assert.Equal("""[4,[0,"d"]]""", suggestion.Changes.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(suggestion.AuthorName));
        Assert.Equal("Xabc", (await member.JoinAsync(id)).Text);
    }

    [Fact]
    public async Task Suggest_WithoutSuggestRight_OrMalformed_IsRefusedWithReason()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var member = await DocumentHubClient.ConnectAsync(factory, "member@noress.demo");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await member.JoinAsync(id);
        await editor.JoinAsync(id);

        var refused = await member.InvokeAsync<App.Documents.SuggestResultDto>("Suggest", id, 0, System.Text.Json.JsonDocument.Parse("""[3,[0,"!"]]""").RootElement);
        var malformed = await editor.InvokeAsync<App.Documents.SuggestResultDto>("Suggest", id, 0, System.Text.Json.JsonDocument.Parse("""[9,[0,"!"]]""").RootElement);

        Assert.False(refused.Accepted);
        Assert.False(string.IsNullOrEmpty(refused.Error));
        Assert.False(malformed.Accepted);
        Assert.False(string.IsNullOrEmpty(malformed.Error));
    }

    [Theory]
    [InlineData("""[4,[0,"x"]]""")]
    [InlineData("""[[0,5]]""")]
    [InlineData("""{"insert":"x"}""")]
    public async Task Push_Malformed_IsRefusedAndDocumentUntouched(string changes)
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);

        var result = await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"ok"]]"""), DocumentHubClient.Update("a", changes));

        Assert.False(result.Accepted);
        Assert.False(string.IsNullOrEmpty(result.Error));
        var snapshot = await editor.JoinAsync(id);
        Assert.Equal(("abc", 0), (snapshot.Text, snapshot.Version));
    }

    [Fact]
    public async Task AcknowledgedUpdate_SurvivesHostRestart()
    {
        var database = TestSqlite.CreateDatabase();
        try
        {
            Guid id;
            await using (var first = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, database))
            {
                id = await DocumentHubClient.CreatePlatformDocumentAsync(first, "abc");
                await using var editor = await DocumentHubClient.ConnectAsync(first, "secretariat@noress.demo");
                await editor.JoinAsync(id);
                Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"def"]]"""))).Accepted);
            }

            await using var restarted = NoressAppFactory.OnExistingDatabase(DatabaseProvider.Sqlite, database);
            await using var again = await DocumentHubClient.ConnectAsync(restarted, "secretariat@noress.demo");

            var snapshot = await again.JoinAsync(id);

            Assert.Equal(("abcdef", 1), (snapshot.Text, snapshot.Version));
        }
        finally
        {
            TestSqlite.DeleteDatabase(database);
        }
    }
}
