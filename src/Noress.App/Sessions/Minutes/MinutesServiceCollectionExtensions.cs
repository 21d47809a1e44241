using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Calendar;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Jobs;
using Noress.App.Shared.Pdf;

namespace Noress.App.Sessions.Minutes;

public static class MinutesServiceCollectionExtensions
{
    /// <summary>The decisions register and the minutes, both following votes' verdicts (<see cref="IVerdictListener"/>).</summary>
    public static IServiceCollection AddSessionRecords(this IServiceCollection services)
    {
        services.AddScoped<DecisionRegister>();
        services.AddScoped<DecisionService>();
        services.AddScoped<MinutesService>();
        services.AddScoped<MinutesGenerator>();
        services.AddScoped<MinutesPdfJob>();
        services.AddRecurringJobs<MinutesJobs>();
        services.AddScoped<IVerdictListener>(sp => sp.GetRequiredService<DecisionRegister>());
        services.AddScoped<IVerdictListener>(sp => sp.GetRequiredService<MinutesService>());
        services.AddSingleton<IMinutesSection, AttendanceMinutesSection>();
        services.AddSingleton<IMinutesSection, AgendaMinutesSection>();
        services.AddSingleton<IMinutesSection, VotesMinutesSection>();
        services.AddSingleton<IMinutesSection, DecisionsMinutesSection>();
        services.AddCalendarSource<MinutesRemarksCalendarSource>();
        return services;
    }

    /// <summary>
    /// The approved minutes' PDFs, exactly as stored (their SHA-256 is the audited one), for any member; while the
    /// background job prints them, a page in the reader's language says so (202 with Retry-After).
    /// </summary>
    public static IEndpointRouteBuilder MapNoressMinutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessions/{id:guid}/minutes/{culture}.pdf", async (Guid id, string culture, HttpContext context, MinutesService minutes, IStringLocalizer<MinutesText> text, CancellationToken ct) =>
            MinutesCultures.All.Contains(culture)
                ? Serve(await minutes.PdfAsync(context.User, id, culture, ct), id, culture, context, text, "Pdf.Preparing.Body")
                : Results.NotFound()).RequireAuthorization(Policies.Member);
        // The draft as printed on the secretariat's request (the latest print, not frozen, no audited hash).
        endpoints.MapGet("/sessions/{id:guid}/minutes/draft/{culture}.pdf", async (Guid id, string culture, HttpContext context, MinutesService minutes, IStringLocalizer<MinutesText> text, CancellationToken ct) =>
            MinutesCultures.All.Contains(culture)
                ? Serve(await minutes.DraftPdfAsync(context.User, id, culture, ct), id, $"draft-{culture}", context, text, "Pdf.Preparing.DraftBody")
                : Results.NotFound()).RequireAuthorization(Policies.Member);
        return endpoints;
    }

    private static IResult Serve(MinutesPdfResult result, Guid id, string name, HttpContext context, IStringLocalizer<MinutesText> text, string preparingKey)
    {
        if (result.Preparing)
        {
            context.Response.Headers.RetryAfter = "30";
            var body = $"""<p data-testid="minutes-pdf-preparing">{PrintableHtml.Encode(text[preparingKey].Value)}</p><p><a href="{MinutesService.Link(id)}">{PrintableHtml.Encode(text["Pdf.Preparing.Back"].Value)}</a></p>""";
            var page = PrintableHtml.FromHtml(text["Pdf.Preparing.Title"].Value, string.Empty, body, CultureInfo.CurrentUICulture, PrintTarget.Browser);
            return Results.Content(page, "text/html; charset=utf-8", statusCode: StatusCodes.Status202Accepted);
        }

        return result.Pdf is { } file
            ? Results.File(file.Content, "application/pdf", $"proces-verbal-{id:N}-{name}.pdf")
            : Results.NotFound();
    }

    private sealed class MinutesJobs : IRecurringJobs
    {
        public void Register(IRecurringJobManager jobs) =>
            jobs.AddOrUpdate<MinutesPdfJob>("minutes-pdfs", job => job.SweepAsync(CancellationToken.None), "*/10 * * * *");
    }
}
