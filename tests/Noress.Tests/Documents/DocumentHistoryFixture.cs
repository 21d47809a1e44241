using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Noress.App.Accounts;
using Noress.App.Documents;
using Noress.App.Shared.RealTime;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Documents;

/// <summary>The real documents services over an in-memory SQLite database, with helpers to write history.</summary>
internal sealed class DocumentHistoryFixture(IServiceProvider services)
{
    public static readonly Guid YoussefId = Guid.Parse("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");

    public const string YoussefName = "Youssef Amrani";

    public static ClaimsPrincipal Secretariat(Guid userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, Roles.Secretariat)], "test"));

    /// <summary>Registers the documents feature and adds the signed-in person and Youssef; call before the first render.</summary>
    public static async Task RegisterAsync(IServiceCollection services, TestDatabase database)
    {
        services.AddNoressDocuments(new ConfigurationBuilder().Build());
        services.TryAddSingleton<IEventBus, InProcessEventBus>();
        await database.AddPersonAsync(NoressTestContext.UserId, NoressTestContext.UserName);
        await database.AddPersonAsync(YoussefId, YoussefName, "REMESS");
    }

    public async Task<Guid> CreateAsync(string text) =>
        (await services.GetRequiredService<DocumentService>().CreateAsync(Secretariat(NoressTestContext.UserId), DocumentSpaceKind.Platform, null, "Règlement intérieur", text)).Value;

    /// <summary>Replaces from..to by <paramref name="insert"/> on the current head, as <paramref name="userId"/>.</summary>
    public async Task<int> EditAsync(Guid documentId, Guid userId, int from, int to, string insert)
    {
        var authority = services.GetRequiredService<DocumentAuthority>();
        var head = await authority.GetHeadAsync(documentId) ?? throw new InvalidOperationException("No document.");
        var changes = ChangeSet.Of(head.Text.Length, from, to, insert);
        var outcome = await authority.PushAsync(documentId, head.Version, [new IncomingUpdate(Guid.NewGuid().ToString("N"), changes.ToJsonElement())], userId);
        return outcome.Status == PushStatus.Accepted ? outcome.Version : throw new InvalidOperationException($"Push refused: {outcome.Status}");
    }
}
