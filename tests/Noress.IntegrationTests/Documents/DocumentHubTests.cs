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
    public async Task Push_OnStaleVersion_IsRefusedWithoutError()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", """[3,[0,"d"]]"""))).Accepted);

        var stale = await editor.PushAsync(id, 0, DocumentHubClient.Update("b", """[[0,"x"],3]"""));

        Assert.False(stale.Accepted);
        Assert.Null(stale.Error);
        Assert.Equal(1, stale.Version);
        var missed = await editor.InvokeAsync<List<App.Documents.UpdateDto>>("Pull", id, 0);
        Assert.Equal("a", Assert.Single(missed).ClientId);
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
    public async Task Push_OnStaleVersion_WithoutJoining_StillChecksTheRight()
    {
        // The cheap stale answer is for connections that joined (and so passed the read check); any other
        // connection gets the full rights check, whatever version it claims.
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
