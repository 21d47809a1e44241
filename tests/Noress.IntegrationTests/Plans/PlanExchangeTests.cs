using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;
using Noress.Testing;

namespace Noress.IntegrationTests.Plans;

/// <summary>Issue 11 §7: the plan's XLSX/CSV exports follow the read rule; an import is checked whole and saved all or nothing.</summary>
public sealed class PlanExchangeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_OneBadRow_SavesNothing_ThenTheCorrectedFile_SavesEveryRowAtOnce(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var export = (await Exchange(plans, s => s.ExportAsync(plans.EditorA, plans.PlanId, default)))!;
        var action = export.Nodes.Single(n => n.Id == plans.ActionId);
        var edited = action with { Progress = 55, Status = PlanItemStatus.InProgress };
        var added = new PlanNodeValues("1.1.2", null, "1.1", PlanItemKind.Action, "Publier un guide du crédit", "نشر دليل القروض") { BudgetPlanned = 20_000m };
        var bad = new PlanNodeValues("1.1.3", null, "1.1", PlanItemKind.Action, "Action mal datée", "إجراء بتاريخ خاطئ") { StartsOn = new DateOnly(2026, 6, 1), DueOn = new DateOnly(2026, 5, 1) };
        var indicator = new IndicatorValues("1.1.1", "Coopératives formées", "تعاونيات مكوّنة", null, "coopératives", 0m, 120m, "2026-Q2", 35m);
        var withBadRow = await XlsxAsync(plans, export with { Nodes = [export.Nodes[0], export.Nodes[1], edited, added, bad], Indicators = [indicator] });

        var preview = Ok(await Exchange(plans, s => s.PreviewAsync(plans.EditorA, plans.PlanId, withBadRow, default)));
        var refused = await Exchange(plans, s => s.ImportAsync(plans.EditorA, plans.PlanId, withBadRow, default));

        Assert.Equal([ImportAction.Unchanged, ImportAction.Unchanged, ImportAction.Update, ImportAction.Add, ImportAction.Add], preview.Check.Nodes.Select(n => n.Action));
        Assert.Equal("Error.DueBeforeStart", Assert.Single(preview.Check.Nodes[4].Issues).Code);
        Assert.False(preview.CanSave);
        Assert.Equal("Error.Import.HasErrors", refused.Refusal?.Code);
        await using (var db = await plans.DbAsync())
        {
            Assert.Equal(3, await db.Set<PlanItem>().CountAsync(i => i.PlanId == plans.PlanId));
            Assert.Equal(0, (await db.Set<PlanItem>().SingleAsync(i => i.Id == plans.ActionId)).Progress);
            Assert.Equal(0, await db.Set<PlanIndicator>().CountAsync());
        }

        var corrected = await XlsxAsync(plans, export with { Nodes = [export.Nodes[0], export.Nodes[1], edited, added], Indicators = [indicator] });
        var summary = Ok(await Exchange(plans, s => s.ImportAsync(plans.EditorA, plans.PlanId, corrected, default)));

        Assert.Equal(new PlanImportSummary(1, 1, 1, 0), summary);
        var view = (await plans.WithAsync(s => s.LoadAsync(plans.EditorA, plans.PlanId, default)))!;
        Assert.Equal(55, view.Row(plans.ActionId)!.Progress);
        var guide = Assert.Single(view.Rows, r => r.TitleFr == "Publier un guide du crédit");
        Assert.Equal(plans.ObjectiveId, guide.ParentId);
        Assert.NotNull(guide.DescriptionDocumentId);
        Assert.Equal(35m, Assert.Single(Assert.Single(view.Indicators).Measures).Actual);
        // Audited like any change: the item's history shows the imported progress.
        var history = await plans.WithAsync(s => s.HistoryAsync(plans.EditorA, plans.ActionId, default));
        Assert.Contains(history!, h => h.Field == nameof(PlanItem.Progress) && h.After == "55");

        // The same file again changes nothing.
        var exportedAgain = await XlsxAsync(plans, (await Exchange(plans, x => x.ExportAsync(plans.EditorA, plans.PlanId, default)))!);
        var again = Ok(await Exchange(plans, s => s.PreviewAsync(plans.EditorA, plans.PlanId, exportedAgain, default)));
        Assert.All(again.Check.Nodes.Concat<object>(again.Check.Indicators), r => Assert.Equal(ImportAction.Unchanged, r is ImportNodeRow n ? n.Action : ((ImportIndicatorRow)r).Action));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_ByThoseWhoMayNotEditThePlan_IsRefused(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var bytes = await XlsxAsync(plans, (await Exchange(plans, s => s.ExportAsync(plans.Secretariat, plans.PlanId, default)))!);

        // A thematic plan is its committee's (ADR 0045): to anyone else it does not exist, so nothing is read or saved.
        Assert.Equal("Error.PlanNotFound", (await Exchange(plans, s => s.PreviewAsync(plans.OtherCommitteeMember, plans.PlanId, bytes, default))).Refusal?.Code);
        Assert.Equal("Error.PlanNotFound", (await Exchange(plans, s => s.ImportAsync(plans.NonMember, plans.PlanId, bytes, default))).Refusal?.Code);
        Assert.Equal("Error.PlanNotFound", (await Exchange(plans, s => s.PreviewAsync(plans.EditorA, Guid.NewGuid(), bytes, default))).Refusal?.Code);
        Assert.Equal("Error.Import.Layout", (await Exchange(plans, s => s.PreviewAsync(plans.EditorA, plans.PlanId, "%PDF-1.7"u8.ToArray(), default))).Refusal?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ExportEndpoints_AnswerWhatTheReadRuleAllows_And404Otherwise(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var editor = await SignInAsync(plans, plans.EditorA);
        var other = await SignInAsync(plans, plans.OtherCommitteeMember);

        var xlsx = await editor.GetAsync($"/action-plans/{plans.PlanId}/export.xlsx");
        var csv = await editor.GetStringAsync($"/action-plans/{plans.PlanId}/export.csv");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(PlanSheetFile.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = PlanSheetFile.Read(await xlsx.Content.ReadAsByteArrayAsync())!;
        Assert.Equal(["1", "1.1", "1.1.1"], sheet.Nodes.Select(r => r[(int)PlanColumn.Key]));
        Assert.Equal(plans.ActionId.ToString(), sheet.Nodes[2][(int)PlanColumn.Id]);
        Assert.Equal("100000", sheet.Nodes[2][(int)PlanColumn.BudgetPlanned]);
        Assert.Contains("Former les coopératives aux dossiers de crédit", csv, StringComparison.Ordinal);

        // Absent and unreadable answer alike: 404 from every export, for every caller.
        foreach (var path in new[] { "export.xlsx", "export.csv", "report.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/action-plans/{Guid.NewGuid()}/{path}")).StatusCode);
            // Another committee's member may not read this thematic plan (ADR 0045): 404, as if absent.
            Assert.Null(await plans.WithAsync(s => s.LoadAsync(plans.OtherCommitteeMember, plans.PlanId, default)));
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/action-plans/{plans.PlanId}/{path}")).StatusCode);
        }

        Assert.Null(await Exchange(plans, s => s.ExportAsync(new ClaimsPrincipal(new ClaimsIdentity()), plans.PlanId, default)));
    }

    [Fact]
    public async Task ReportPdf_HasTheChartsNumbersAndRows_InFrenchAndInArabicRightToLeft()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite);
        var seen = await plans.ItemAsync(plans.ActionId);
        PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version,
            [FieldEdit.Of(PlanField.Progress, 0, 40), FieldEdit.Of<decimal>(PlanField.BudgetSpent, 0m, 25_000m)], default)));
        var indicator = PlansTestHost.Ok(await plans.WithAsync(s => s.AddIndicatorAsync(plans.EditorA, plans.ActionId, new NewIndicator("Coopératives formées", "تعاونيات مكوّنة", null, "coopératives", 0m, 120m), default)));
        PlansTestHost.Ok(await plans.WithAsync(s => s.RecordMeasureAsync(plans.EditorA, indicator, "2026-Q2", 30m, default)));

        // Non-breaking spaces (French punctuation, "40 %") read as plain ones.
        var french = PdfText.Lines(await (await SignInAsync(plans, plans.EditorA)).GetByteArrayAsync($"/action-plans/{plans.PlanId}/report.pdf"))
            .Select(l => l with { Text = l.Text.Replace('\u00A0', ' ').Replace('\u202F', ' ') }).ToList();
        var arabic = PdfText.Lines(await (await SignInAsync(plans, plans.EditorB, "ar")).GetByteArrayAsync($"/action-plans/{plans.PlanId}/report.pdf"));

        var text = string.Join('\n', french.Select(l => l.Text));
        Assert.Contains("Avancement par axe", text, StringComparison.Ordinal);
        Assert.Contains("Indicateurs et cibles", text, StringComparison.Ordinal);
        Assert.Contains("Avancement global : 40 %", text, StringComparison.Ordinal);
        Assert.Contains("25.000,00", text, StringComparison.Ordinal);
        // The rows table: the action's title.
        Assert.Contains("Former les", text, StringComparison.Ordinal);
        // Indicators against targets: 30 of 120 is a quarter of the way.
        Assert.Contains("Coopératives formées", text, StringComparison.Ordinal);
        Assert.Contains("25 %", text, StringComparison.Ordinal);
        Assert.Contains("30 / 120", text, StringComparison.Ordinal);
        var arabicText = string.Join('\n', arabic.Select(l => l.Text));
        Assert.Contains("التقدم حسب المحور", arabicText, StringComparison.Ordinal);
        Assert.Contains("التعاونيات", arabicText, StringComparison.Ordinal);
        Assert.Contains(arabic, l => l.Text.Contains("تكوين", StringComparison.Ordinal) && l.RightToLeft);
        Assert.False(PdfText.HasPresentationForms(arabicText), PdfText.Describe(arabicText));
    }

    private static Task<T> Exchange<T>(PlansTestHost plans, Func<PlanExchangeService, Task<T>> action) => plans.Host.WithAsync(action);

    private static T Ok<T>(Outcome<T> outcome) => PlansTestHost.Ok(outcome);

    private static async Task<byte[]> XlsxAsync(PlansTestHost plans, PlanExport export)
    {
        await using var scope = plans.Host.Factory.Services.CreateAsyncScope();
        return await PlanSheetFile.ToXlsxAsync(export, scope.ServiceProvider.GetRequiredService<IStringLocalizer<PlanExchangeText>>(), default);
    }

    /// <summary>A browser client for a test person (who has no password nor stored role until now), in their language.</summary>
    private static async Task<HttpClient> SignInAsync(PlansTestHost plans, ClaimsPrincipal person, string culture = "fr")
    {
        var email = person.FindFirstValue(ClaimTypes.Name)!;
        await using (var scope = plans.Host.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
            // The host gives these people their role as a claim only; signing in reads it from the store.
            if (!await users.IsInRoleAsync(user, Roles.Member))
            {
                Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            }

            if (!await users.HasPasswordAsync(user))
            {
                Assert.True((await users.AddPasswordAsync(user, AuthenticatedClient.DemoPassword)).Succeeded);
            }
        }

        return await plans.Host.Factory.CreateSignedInClientAsync(email);
    }
}
