using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Noress.App.Calendar;
using Noress.App.Documents;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Pdf;

namespace Noress.App.Calls;

public static class CallsServiceCollectionExtensions
{
    /// <summary>Calls: access rules, the call and application services, live announcements, the calendar's deadlines and the application spaces' document rights.</summary>
    public static IServiceCollection AddNoressCalls(this IServiceCollection services)
    {
        services.AddScoped<CallsAccess>();
        services.AddScoped<CallService>();
        services.AddScoped<ApplicationService>();
        services.AddSingleton<CallLive>();
        services.AddCalendarSource<CallCalendarSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICallApplicationDocuments, CallApplicationDocuments>());
        return services;
    }

    /// <summary>Application files and the receipt's PDF; the service checks the application's read rule again (absent and forbidden look the same).</summary>
    public static IEndpointRouteBuilder MapNoressCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/applications/files/{id:guid}", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ApplicationService applications, HttpContext context, CancellationToken ct) =>
        {
            if (await applications.OpenFileAsync(user, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, PeopleText.Plain(file.FileName));
        }).RequireAuthorization(Noress.App.Accounts.Policies.Member);

        endpoints.MapGet("/applications/{id:guid}/receipt", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ApplicationService applications, PdfRenderer pdf, HttpContext context, CancellationToken ct) =>
        {
            if (await applications.ReceiptAsync(user, id, ct) is not { } receipt)
            {
                return Results.NotFound();
            }

            try
            {
                var bytes = await pdf.RenderMarkdownAsync(receipt.Title, "NORESS", receipt.Markdown, System.Globalization.CultureInfo.CurrentUICulture, ct);
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(bytes, "application/pdf", $"{receipt.Title.Split(' ')[^1]}.pdf");
            }
            catch (PdfUnavailableException)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }).RequireAuthorization(Noress.App.Accounts.Policies.Member);
        return endpoints;
    }
}
