using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>
/// The hub's limits (ADR 0010): a long paste goes through in one push, and a backlog of many updates is never
/// unsendable; the rate limit holds pushes back for a moment instead of refusing them for good.
/// </summary>
public sealed class DocumentHubLimitsTests : IAsyncLifetime
{
    private NoressAppFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new NoressAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Push_OfA100KbPaste_IsAcceptedAndTheConnectionStaysOpen()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        var paste = string.Concat(Enumerable.Repeat("Article premier : le réseau réunit ses membres. ", 2100));
        Assert.True(paste.Length > 100_000);

        var result = await editor.PushAsync(id, 0, DocumentHubClient.Update("paste", Insert(3, paste)));

        Assert.True(result.Accepted, result.Error);
        Assert.Equal(HubConnectionState.Connected, editor.State);
        var snapshot = await editor.JoinAsync(id);
        Assert.Equal("abc" + paste, snapshot.Text);
    }

    [Fact]
    public async Task Join_TellsTheEditorTheLimitsToCutItsPushesBy()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, "abc");
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");

        var limits = (await editor.JoinAsync(id)).Limits;

        var defaults = new DocumentOptions();
        Assert.Equal(defaults.MaxUpdatesPerPush, limits.MaxUpdatesPerPush);
        Assert.Equal(defaults.MaxUpdateLength, limits.MaxUpdateLength);
        // The editor's budget leaves room for the call around the updates, and still holds the largest update.
        Assert.True(limits.MaxMessageBytes < defaults.MaxMessageBytes);
        Assert.True(limits.MaxMessageBytes >= 3L * limits.MaxUpdateLength);
    }

    [Fact]
    public async Task Push_BacklogOf500Updates_InPiecesOfTheAdvertisedSize_IsAllAccepted()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, string.Empty);
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        var limits = (await editor.JoinAsync(id)).Limits;
        var backlog = Enumerable.Range(0, 500).Select(i => DocumentHubClient.Update("late", Insert(i, ((char)('a' + (i % 26))).ToString()))).ToList();

        var version = 0;
        foreach (var piece in backlog.Chunk(limits.MaxUpdatesPerPush))
        {
            var result = await editor.PushAsync(id, version, piece);
            Assert.True(result.Accepted, result.Error ?? $"held back {result.RetryAfterMilliseconds} ms");
            version = result.Version;
        }

        Assert.Equal(500, version);
        Assert.Equal(500, (await editor.JoinAsync(id)).Text.Length);
    }

    [Fact]
    public async Task Push_OverThePushRate_IsHeldBackWithAWaitAndNoError_ThenGoesThrough()
    {
        await factory.DisposeAsync();
        // The limiter's own clock is fake: the wait it asks for is passed by advancing it, not by sleeping.
        var limiterClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        factory = new NoressAppFactory().With("Documents:PushesPerSecond", "1")
            .WithServices(services => services.AddSingleton(sp => new UpdateRateLimiter(sp.GetRequiredService<IOptions<DocumentOptions>>(), limiterClock)));
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, string.Empty);
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        await editor.JoinAsync(id);
        Assert.True((await editor.PushAsync(id, 0, DocumentHubClient.Update("a", Insert(0, "a")))).Accepted);
        Assert.True((await editor.PushAsync(id, 1, DocumentHubClient.Update("a", Insert(1, "b")))).Accepted);

        var held = await editor.PushAsync(id, 2, DocumentHubClient.Update("a", Insert(2, "c")));

        Assert.False(held.Accepted);
        Assert.Null(held.Error);
        Assert.InRange(held.RetryAfterMilliseconds ?? 0, 1, 1000);
        limiterClock.Advance(TimeSpan.FromMilliseconds(held.RetryAfterMilliseconds!.Value));
        Assert.True((await editor.PushAsync(id, 2, DocumentHubClient.Update("a", Insert(2, "c")))).Accepted);
    }

    [Fact]
    public async Task Push_OfMoreUpdatesThanOnePushMayHold_IsRefusedWithAReasonAndTheConnectionStaysOpen()
    {
        var id = await DocumentHubClient.CreatePlatformDocumentAsync(factory, string.Empty);
        await using var editor = await DocumentHubClient.ConnectAsync(factory, "secretariat@noress.demo");
        var limits = (await editor.JoinAsync(id)).Limits;
        var tooMany = Enumerable.Range(0, limits.MaxUpdatesPerPush + 1).Select(i => DocumentHubClient.Update("x", Insert(i, "x"))).ToArray();

        var result = await editor.PushAsync(id, 0, tooMany);

        Assert.False(result.Accepted);
        Assert.Contains(limits.MaxUpdatesPerPush.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.True((await editor.PushAsync(id, 0, tooMany[..limits.MaxUpdatesPerPush])).Accepted);
    }

    [Fact]
    public void DocumentHub_TakesItsMessageSizeAndTimingFromTheDocumentsSettings_AndNoOtherHub()
    {
        var hub = factory.Services.GetRequiredService<IOptions<HubOptions<DocumentHub>>>().Value;
        var settings = new DocumentOptions();

        Assert.Equal(settings.MaxMessageBytes, hub.MaximumReceiveMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(settings.KeepAliveSeconds), hub.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(settings.ClientTimeoutSeconds), hub.ClientTimeoutInterval);
        // The editor's server timeout (three keep-alives) and the hub's client timeout both outlast two missed pings.
        Assert.True(settings.ServerTimeoutSeconds >= 2 * settings.KeepAliveSeconds);
        Assert.True(settings.ClientTimeoutSeconds >= 2 * settings.KeepAliveSeconds);
        // The global defaults (and so every other hub) keep SignalR's 32 KB.
        Assert.Equal(32 * 1024, factory.Services.GetRequiredService<IOptions<HubOptions>>().Value.MaximumReceiveMessageSize);
    }

    /// <summary>The ChangeSet JSON that inserts <paramref name="text"/> at the end of a document of <paramref name="length"/>.</summary>
    private static string Insert(int length, string text) =>
        length == 0 ? JsonSerializer.Serialize(new object[] { new object[] { 0, text } }) : JsonSerializer.Serialize(new object[] { length, new object[] { 0, text } });
}
