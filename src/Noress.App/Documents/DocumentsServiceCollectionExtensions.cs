using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Noress.App.Audit;
using Noress.App.Committees.Workspace;
using Noress.App.Documents.History;
using Noress.App.Shared.RealTime;

namespace Noress.App.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public const string HubPath = "/hubs/documents";

    public static IServiceCollection AddNoressDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.Section))
            .Validate(options => options.Problem() is null, "Documents settings are inconsistent: see docs/configuration.md (Documents).")
            .ValidateOnStart();
        // Per hub, from the Documents limits (ADR 0010): the largest accepted update fits one message, and the
        // keep-alive lets the editor notice a dead server within its server timeout (three keep-alives).
        // AddHubOptions first registers the copy of the global hub options, so the settings below come after it.
        services.AddSignalR().AddHubOptions<DocumentHub>(_ => { });
        services.AddOptions<HubOptions<DocumentHub>>().Configure<IOptions<DocumentOptions>>((hub, documents) =>
        {
            hub.MaximumReceiveMessageSize = documents.Value.MaxMessageBytes;
            hub.KeepAliveInterval = TimeSpan.FromSeconds(documents.Value.KeepAliveSeconds);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(documents.Value.ClientTimeoutSeconds);
        });
        services.AddSingleton<DocumentAuthority>();
        services.AddSingleton<DocumentPresence>();
        if (configuration.GetSection(RealTimeOptions.Section).Get<RealTimeOptions>() is { Bus: EventBusKind.Redis })
        {
            // Several nodes: presence is shared through Redis, and each node keeps its own entries alive (ADR 0048).
            services.AddSingleton<SharedDocumentPresence>();
            // One document's commits in turn across the nodes (ADR 0064).
            services.AddSingleton<DocumentCommitLock>();
            services.AddSingleton<DocumentPresenceNode>();
            services.AddHostedService(sp => sp.GetRequiredService<DocumentPresenceNode>());
        }

        services.AddSingleton<UpdateRateLimiter>();
        services.AddSingleton<DocumentBroadcaster>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<DocumentHistoryService>();
        services.AddSingleton<DocumentCommentService>();
        services.AddSingleton<DocumentSuggestionService>();
        services.AddSingleton<DocumentSharingService>();
        services.AddAuditSubjectSource<DocumentsAuditSubjects>();
        services.AddCommitteeActivitySource<CommitteeDocumentsActivitySource>();
        return services;
    }

    public static IEndpointRouteBuilder MapNoressDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<DocumentHub>(HubPath);
        endpoints.MapNoressDocumentExports();
        return endpoints;
    }
}
