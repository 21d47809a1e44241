using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Members.Mou;

namespace Noress.App.Members;

/// <summary>Downloads of the members area; each checks authorization again in its service.</summary>
public static class MembersEndpoints
{
    public static IEndpointRouteBuilder MapMembersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/members/files").RequireAuthorization(Policies.Member);

        // Semicolons by default (Excel in French and Moroccan locales); ?separator=comma for tools that expect commas.
        group.MapGet("/directory.csv", async (ClaimsPrincipal user, string? search, InstitutionCategory? category, MembershipStatus? status, string? separator,
            InstitutionService institutions, IStringLocalizer<MembersText> t, CancellationToken ct) =>
        {
            var rows = await institutions.ExportAsync(user, new DirectoryQuery(search, category, status), ct);
            var delimiter = string.Equals(separator, "comma", StringComparison.OrdinalIgnoreCase) ? ',' : DirectoryExport.DefaultSeparator;
            return Results.File(DirectoryExport.ToCsv(rows, t, delimiter), "text/csv; charset=utf-8", "noress-members.csv");
        });

        group.MapGet("/directory.xlsx", async (ClaimsPrincipal user, string? search, InstitutionCategory? category, MembershipStatus? status,
            InstitutionService institutions, IStringLocalizer<MembersText> t, CancellationToken ct) =>
        {
            var rows = await institutions.ExportAsync(user, new DirectoryQuery(search, category, status), ct);
            return Results.File(await DirectoryExport.ToXlsxAsync(rows, t, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "noress-members.xlsx");
        });

        group.MapGet("/logos/{institutionId:guid}", async (ClaimsPrincipal user, Guid institutionId, InstitutionService institutions, HttpContext context, CancellationToken ct) =>
        {
            if (await institutions.OpenLogoAsync(user, institutionId, ct) is not { } logo)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(logo.Content, logo.ContentType);
        });

        group.MapGet("/mou-scans/{institutionId:guid}", async (ClaimsPrincipal user, Guid institutionId, MouService mou, HttpContext context, CancellationToken ct) =>
        {
            // Absent and forbidden look the same, so the endpoint does not reveal which institutions have a scan.
            if (await mou.OpenScanAsync(user, institutionId, ct) is not { } scan)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(scan.Content, "application/pdf", Shared.Localization.PeopleText.Plain(scan.FileName));
        });

        return endpoints;
    }
}
