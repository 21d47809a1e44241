using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Documents;

/// <summary>Signs in through the real form and connects a SignalR .NET client to the document hub with that cookie.</summary>
internal static class DocumentHubClient
{
    public static async Task<HubConnection> ConnectAsync(NoressAppFactory factory, string email)
    {
        var cookies = new CookieContainer();
        using (var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies)))
        {
            var response = await client.PostLoginAsync(email, AuthenticatedClient.DemoPassword);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
            }
        }

        var cookieHeader = cookies.GetCookieHeader(factory.Server.BaseAddress);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, DocumentsServiceCollectionExtensions.HubPath), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Headers["Cookie"] = cookieHeader;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Creates a platform document as the secretariat, through the service.</summary>
    public static async Task<Guid> CreatePlatformDocumentAsync(NoressAppFactory factory, string text) =>
        (await factory.Services.GetRequiredService<DocumentService>().CreateAsync(
            await PrincipalAsync(factory, "secretariat@noress.demo", Roles.Secretariat), DocumentSpaceKind.Platform, null, "Règlement intérieur", text)).Value;

    /// <summary>The principal a service sees for a demo person with one role, for calling services directly.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(NoressAppFactory factory, string email, string role)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Role, role)], "test"));
    }

    public static UpdateDto Update(string clientId, string changesJson)
    {
        using var json = JsonDocument.Parse(changesJson);
        return new UpdateDto { ClientId = clientId, Changes = json.RootElement.Clone() };
    }

    public static Task<PushResultDto> PushAsync(this HubConnection connection, Guid documentId, int version, params UpdateDto[] updates) =>
        connection.InvokeAsync<PushResultDto>("Push", documentId, version, updates);

    public static Task<DocumentSnapshotDto> JoinAsync(this HubConnection connection, Guid documentId) =>
        connection.InvokeAsync<DocumentSnapshotDto>("Join", documentId);
}
