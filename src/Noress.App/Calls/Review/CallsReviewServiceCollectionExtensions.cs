using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Calls.Screening;

namespace Noress.App.Calls.Review;

public static class CallsReviewServiceCollectionExtensions
{
    /// <summary>The review side of calls: the read rule, the workflow service, the jury, score sheets and the deliberation.</summary>
    public static IServiceCollection AddNoressCallsReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewAccess>();
        services.AddScoped<ApplicationWorkflowService>();
        services.AddScoped<ApplicantNotices>();
        services.AddScoped<ScreeningService>();
        services.AddScoped<JuryService>();
        services.AddScoped<ScoreSheetService>();
        services.AddScoped<DeliberationService>();
        services.AddScoped<ReviewFileService>();
        return services;
    }

    /// <summary>Jurors' file downloads: the service applies the read rule (a conflicted juror gets the same 404 as for no file) and blind names.</summary>
    public static IEndpointRouteBuilder MapNoressCallsReview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calls/review/files/{id:guid}", async (Guid id, System.Security.Claims.ClaimsPrincipal user, ReviewFileService files, HttpContext context, CancellationToken ct) =>
        {
            if (await files.OpenAsync(user, id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, Shared.Localization.PeopleText.Plain(file.Name));
        }).RequireAuthorization(Noress.App.Accounts.Policies.Member);
        return endpoints;
    }
}
