using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Documents.History;

namespace Noress.App.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public const string HubPath = "/hubs/documents";

    public static IServiceCollection AddNoressDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSignalR();
        services.AddSingleton<DocumentAuthority>();
        services.AddSingleton<DocumentPresence>();
        services.AddSingleton<UpdateRateLimiter>();
        services.AddSingleton<DocumentBroadcaster>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<DocumentHistoryService>();
        services.AddSingleton<DocumentCommentService>();
        services.AddSingleton<DocumentSuggestionService>();
        services.AddSingleton<DocumentSharingService>();
        return services;
    }

    public static IEndpointRouteBuilder MapNoressDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<DocumentHub>(HubPath);
        endpoints.MapNoressDocumentExports();
        return endpoints;
    }
}
