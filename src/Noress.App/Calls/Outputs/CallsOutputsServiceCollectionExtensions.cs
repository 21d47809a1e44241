using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Shared.Pdf;

namespace Noress.App.Calls.Outputs;

public static class CallsOutputsServiceCollectionExtensions
{
    /// <summary>The calls' outputs: decision letters, results, the jury's minutes, the scores' workbook and the dossiers.</summary>
    public static IServiceCollection AddNoressCallsOutputs(this IServiceCollection services)
    {
        services.AddScoped<DecisionLetterService>();
        services.AddScoped<CallResultsService>();
        services.AddScoped<JuryMinutesService>();
        services.AddScoped<ScoresExportService>();
        services.AddScoped<DossierService>();
        return services;
    }

    /// <summary>
    /// The outputs' downloads; the services apply the read rules again (absent and forbidden both answer 404). Decided per
    /// endpoint (ADR 0013, ADR 0050): the decision letter and the dossier take the applicant-side policy (members and
    /// outside accounts; the services give an outside account only its own application's, the letter after publication);
    /// the scores' workbook stays behind the Member policy.
    /// </summary>
    public static IEndpointRouteBuilder MapNoressCallsOutputs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/applications/{id:guid}/decision-letter", async (Guid id, ClaimsPrincipal user, DecisionLetterService letters, PdfRenderer pdf, HttpContext context, CancellationToken ct) =>
        {
            if (await letters.LetterAsync(user, id, ct) is not { } letter)
            {
                return Results.NotFound();
            }

            return await PdfAsync(pdf, context, letter.Title, letter.Subtitle, letter.Markdown, letter.Culture, letter.FileName, ct);
        }).RequireAuthorization(CallsAccess.ApplicantSidePolicy);

        endpoints.MapGet("/applications/{id:guid}/dossier", async (Guid id, ClaimsPrincipal user, DossierService dossiers, PdfRenderer pdf, HttpContext context, CancellationToken ct) =>
        {
            if (await dossiers.DossierAsync(user, id, ct) is not { } dossier)
            {
                return Results.NotFound();
            }

            return await PdfAsync(pdf, context, dossier.Title, dossier.Subtitle, dossier.Markdown, System.Globalization.CultureInfo.CurrentUICulture, dossier.FileName, ct);
        }).RequireAuthorization(CallsAccess.ApplicantSidePolicy);

        endpoints.MapGet("/calls/{id:guid}/scores.xlsx", async (Guid id, ClaimsPrincipal user, ScoresExportService scores, HttpContext context, CancellationToken ct) =>
        {
            if (await scores.ExportAsync(user, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, ScoresExportService.ContentType, file.FileName);
        }).RequireAuthorization(Policies.Member);
        return endpoints;
    }

    private static async Task<IResult> PdfAsync(PdfRenderer pdf, HttpContext context, string title, string subtitle, string markdown, System.Globalization.CultureInfo culture, string fileName, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        try
        {
            var bytes = await pdf.RenderMarkdownAsync(title, subtitle, markdown, culture, ct);
            return Results.File(bytes, "application/pdf", fileName);
        }
        catch (PdfUnavailableException)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
