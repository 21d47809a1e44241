using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Calendar;
using Noress.App.Sessions.Decisions;
using Noress.App.Sessions.Votes;

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
        services.AddScoped<IVerdictListener>(sp => sp.GetRequiredService<DecisionRegister>());
        services.AddScoped<IVerdictListener>(sp => sp.GetRequiredService<MinutesService>());
        services.AddSingleton<IMinutesSection, AttendanceMinutesSection>();
        services.AddSingleton<IMinutesSection, AgendaMinutesSection>();
        services.AddSingleton<IMinutesSection, VotesMinutesSection>();
        services.AddSingleton<IMinutesSection, DecisionsMinutesSection>();
        services.AddCalendarSource<MinutesRemarksCalendarSource>();
        return services;
    }

    /// <summary>The approved minutes' PDFs, exactly as stored (their SHA-256 is the audited one), for any member.</summary>
    public static IEndpointRouteBuilder MapNoressMinutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessions/{id:guid}/minutes/{culture}.pdf", async (Guid id, string culture, System.Security.Claims.ClaimsPrincipal user, MinutesService minutes, CancellationToken ct) =>
        {
            if (!MinutesCultures.All.Contains(culture))
            {
                return Results.NotFound();
            }

            var file = await minutes.PdfAsync(user, id, culture, ct);
            return file is null
                ? Results.NotFound()
                : Results.File(file.Content, "application/pdf", $"proces-verbal-{id:N}-{culture}.pdf");
        }).RequireAuthorization(Policies.Member);
        return endpoints;
    }
}
