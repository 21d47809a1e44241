using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Pdf;

namespace Noress.App.Documents.History;

/// <summary>Markdown download, PDF and print page of a document's current text or of a labelled version (Read right).</summary>
public static class DocumentExportEndpoints
{
    public static IEndpointRouteBuilder MapNoressDocumentExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:guid}/export.md", async (Guid id, Guid? label, ClaimsPrincipal user, DocumentService documents, DocumentHistoryService history, CancellationToken cancellationToken) =>
        {
            var export = await LoadAsync(id, label, user, documents, history, cancellationToken);
            return export.Result ?? Results.File(Encoding.UTF8.GetBytes(export.Text), "text/markdown; charset=utf-8", DocumentExport.FileName(export.Title, "md"));
        }).RequireAuthorization(Policies.Member);

        endpoints.MapGet("/documents/{id:guid}/print", async (Guid id, Guid? label, ClaimsPrincipal user, DocumentService documents, DocumentHistoryService history, IStringLocalizer<DocumentsHistoryText> text, CancellationToken cancellationToken) =>
        {
            var export = await LoadAsync(id, label, user, documents, history, cancellationToken);
            if (export.Result is not null)
            {
                return export.Result;
            }

            return Results.Content(DocumentExport.PrintPage(export.Title, Subtitle(export, text), export.Text, CultureInfo.CurrentUICulture), "text/html; charset=utf-8");
        }).RequireAuthorization(Policies.Member);

        endpoints.MapGet("/documents/{id:guid}/export.pdf", async (Guid id, Guid? label, ClaimsPrincipal user, DocumentService documents, DocumentHistoryService history, PdfRenderer pdf, IStringLocalizer<DocumentsHistoryText> text, CancellationToken cancellationToken) =>
        {
            var export = await LoadAsync(id, label, user, documents, history, cancellationToken);
            if (export.Result is not null)
            {
                return export.Result;
            }

            try
            {
                var bytes = await pdf.RenderMarkdownAsync(export.Title, Subtitle(export, text), export.Text, CultureInfo.CurrentUICulture, cancellationToken);
                return Results.File(bytes, "application/pdf", DocumentExport.FileName(export.Title, "pdf"));
            }
            catch (PdfUnavailableException)
            {
                // The link opens a tab: a page in the reader's language that offers the print page instead. The cause
                // (Chromium missing, failed, too slow) and the setting to look at are in the renderer's log.
                var print = $"/documents/{id}/print{(label is { } l ? $"?label={l}" : string.Empty)}";
                var page = PrintableHtml.FromHtml(text["Pdf.Unavailable"].Value, export.Title, $"""<p><a href="{print}">{PrintableHtml.Encode(text["Export.Print"].Value)}</a></p>""", CultureInfo.CurrentUICulture, PrintTarget.Browser);
                return Results.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).RequireAuthorization(Policies.Member);

        return endpoints;
    }

    private static string Subtitle(Export export, IStringLocalizer<DocumentsHistoryText> text) => export.Label is { } l
        ? text["Print.Labelled", l.Label, l.Version, NoressFormat.Date(l.CreatedAt)].Value
        : text["Print.Current", export.Version].Value;

    private static async Task<Export> LoadAsync(Guid id, Guid? labelId, ClaimsPrincipal user, DocumentService documents, DocumentHistoryService history, CancellationToken cancellationToken)
    {
        var access = await documents.GetAccessAsync(user, id, cancellationToken);
        if (access is null)
        {
            return Export.Failed(Results.NotFound());
        }

        // A plain 403: the cookie scheme's Forbid would redirect to the access-denied page.
        if (access.Right < DocumentRight.Read)
        {
            return Export.Failed(Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        if (labelId is { } wanted)
        {
            var label = (await history.ListLabelsAsync(user, id, cancellationToken)).SingleOrDefault(l => l.Id == wanted);
            return label is null
                ? Export.Failed(Results.NotFound())
                : new Export(null, access.Document.Title, await history.GetLabelTextAsync(user, wanted, cancellationToken), label.Version, label);
        }

        var view = await documents.GetAsync(user, id, cancellationToken);
        return view is null ? Export.Failed(Results.NotFound()) : new Export(null, view.Title, view.Text, view.Version, null);
    }

    private sealed record Export(IResult? Result, string Title, string Text, int Version, DocumentLabelItem? Label)
    {
        public static Export Failed(IResult result) => new(result, string.Empty, string.Empty, 0, null);
    }
}
