using Microsoft.Extensions.DependencyInjection;

namespace Noress.App.Documents.Editor;

public static class DocumentEditorServiceCollectionExtensions
{
    /// <summary>Registers what the document pages use (the documents feature registers its own services).</summary>
    public static IServiceCollection AddNoressDocumentEditor(this IServiceCollection services)
    {
        services.AddScoped<IDocumentEditorData, DocumentServiceEditorData>();
        return services;
    }
}
