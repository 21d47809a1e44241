using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Members;
using Noress.App.Plans.Views;
using Noress.App.Shared.Pdf;

namespace Noress.App.Plans.Exchange;

/// <summary>A plan's downloads: XLSX, CSV and the PDF report. Each asks the service, which applies the plan's read rule; absent and unreadable both answer 404.</summary>
public static class PlanExchangeEndpoints
{
    public static IEndpointRouteBuilder MapNoressPlanExchange(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/action-plans/{planId:guid}").RequireAuthorization(Policies.Member);

        group.MapGet("/export.xlsx", async (Guid planId, ClaimsPrincipal user, PlanExchangeService exchange, IStringLocalizer<PlanExchangeText> t, HttpContext context, CancellationToken ct) =>
        {
            if (await exchange.ExportAsync(user, planId, ct) is not { } export)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(await PlanSheetFile.ToXlsxAsync(export, t, ct), PlanSheetFile.XlsxContentType, FileName(export, "xlsx"));
        });

        // Semicolons by default, as the members' export (Excel in French and Moroccan locales); ?separator=comma otherwise.
        group.MapGet("/export.csv", async (Guid planId, string? separator, ClaimsPrincipal user, PlanExchangeService exchange, IStringLocalizer<PlanExchangeText> t, HttpContext context, CancellationToken ct) =>
        {
            if (await exchange.ExportAsync(user, planId, ct) is not { } export)
            {
                return Results.NotFound();
            }

            var delimiter = string.Equals(separator, "comma", StringComparison.OrdinalIgnoreCase) ? ',' : DirectoryExport.DefaultSeparator;
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(PlanSheetFile.ToCsv(export, t, delimiter), "text/csv; charset=utf-8", FileName(export, "csv"));
        });

        group.MapGet("/report.pdf", async (Guid planId, ClaimsPrincipal user, PlanService plans, PdfRenderer pdf, IStringLocalizer<PlanExchangeText> t, IStringLocalizer<PlanViewsText> names, HttpContext context, CancellationToken ct) =>
        {
            if (await plans.LoadAsync(user, planId, ct) is not { } view)
            {
                return Results.NotFound();
            }

            var culture = CultureInfo.CurrentUICulture;
            context.Response.Headers.CacheControl = "private, no-store";
            try
            {
                var bytes = await pdf.RenderHtmlAsync(PlanReport.Page(view, t, names, culture, PrintTarget.Pdf), ct);
                return Results.File(bytes, "application/pdf", Slug(view.Plan) + "-report.pdf");
            }
            catch (PdfUnavailableException)
            {
                // Same answer as the documents' PDF: a page in the reader's language; the print page is the report as HTML.
                var page = PrintableHtml.FromHtml(t["Report.Unavailable"].Value, PlanNames.Title(view.Plan, culture), string.Empty, culture, PrintTarget.Browser);
                return Results.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        return endpoints;
    }

    private static string FileName(PlanExport export, string extension) => $"{Slug(export.Plan)}.{extension}";

    /// <summary>An ASCII file name: the plan's kind and, for a thematic plan, its id's first characters.</summary>
    private static string Slug(PlanSummary plan) =>
        plan.Kind == PlanKind.Strategic ? "noress-strategic-plan" : $"noress-plan-{plan.Id.ToString("N", CultureInfo.InvariantCulture)[..8]}";
}
