using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Operations;
using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Plans;

/// <summary>
/// Issue 8 §11 in the plans: every file a person uploads passes the scanner first, and is refused while a configured
/// scanner gives no verdict (fail closed, ADR 0014): evidence files, which are stored, and imported workbooks, which
/// are only read. A scanner that is configured but down needs no clamd, so these run everywhere.
/// </summary>
public sealed class PlanUploadScanningTests
{
    [Fact]
    public async Task Import_WhileTheScannerIsDown_IsRefusedBeforeTheWorkbookIsRead_AndNothingChanges()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite, f => f.With("Uploads:ClamAv", TestClamAv.DeadAddress()));
        var export = (await plans.Host.WithAsync<PlanExchangeService, PlanExport?>(s => s.ExportAsync(plans.EditorA, plans.PlanId, default)))!;
        var edited = export.Nodes.Single(n => n.Id == plans.ActionId) with { Progress = 55 };
        var workbook = await XlsxAsync(plans, export with { Nodes = [.. export.Nodes.Select(n => n.Id == plans.ActionId ? edited : n)] });

        var preview = await plans.Host.WithAsync<PlanExchangeService, Outcome<PlanImportPreview>>(s => s.PreviewAsync(plans.EditorA, plans.PlanId, workbook, default));
        var import = await plans.Host.WithAsync<PlanExchangeService, Outcome<PlanImportSummary>>(s => s.ImportAsync(plans.EditorA, plans.PlanId, workbook, default));

        Assert.Equal("Error.ScannerUnavailable", preview.Refusal?.Code);
        Assert.Equal("Error.ScannerUnavailable", import.Refusal?.Code);
        Assert.Equal(0, (await plans.ItemAsync(plans.ActionId)).Progress);
    }

    [Fact]
    public async Task Evidence_WhileTheScannerIsDown_IsRefusedAndNothingIsStored()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite, f => f.With("Uploads:ClamAv", TestClamAv.DeadAddress()));
        var pdf = "%PDF-1.7\n%preuve\n"u8.ToArray();

        var result = await plans.WithAsync(s => s.AddEvidenceAsync(plans.EditorA, plans.ActionId, "preuve.pdf", pdf.Length, _ => new MemoryStream(pdf), default));

        Assert.Equal("Error.ScannerUnavailable", result.Refusal?.Code);
        await using var db = await plans.DbAsync();
        Assert.False(await db.Set<PlanEvidence>().AnyAsync());
    }

    private static async Task<byte[]> XlsxAsync(PlansTestHost plans, PlanExport export)
    {
        await using var scope = plans.Host.Factory.Services.CreateAsyncScope();
        return await PlanSheetFile.ToXlsxAsync(export, scope.ServiceProvider.GetRequiredService<IStringLocalizer<PlanExchangeText>>(), default);
    }
}
