using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Documents;
using Noress.App.Plans;
using Noress.App.Plans.Exchange;
using Noress.App.Shared.Operations;

namespace Noress.IntegrationTests.Plans;

/// <summary>
/// Issue 11 §7: a workbook creates a plan as well as updating one. A thematic plan is created only by its committee's
/// people or the staff (ADR 0045), with all its rows in one save or not at all, audited like any change.
/// </summary>
public sealed class PlanImportNewPlanTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImportNewAsync_ByTheCommitteesMember_CreatesItsThematicPlanWithEveryRow_Audited(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        // Another committee's plan, exported with an indicator: its ids are ignored, its keys give the new plan's tree.
        var export = (await Exchange(plans, s => s.ExportAsync(plans.Secretariat, plans.PlanId, default)))!;
        var indicator = new IndicatorValues("1.1.1", "Coopératives formées", "تعاونيات مكوّنة", null, "coopératives", 0m, 120m, "2026-Q2", 35m);
        var bytes = await XlsxAsync(plans, export with { Indicators = [indicator] });
        var wanted = new NewPlan(PlanKind.Thematic, plans.OtherCommitteeId, "Plan d’action du comité Formation", "خطة عمل لجنة التكوين");

        var preview = Ok(await Exchange(plans, s => s.PreviewNewAsync(plans.OtherCommitteeMember, wanted, bytes, default)));
        Assert.Null(await plans.WithAsync(s => s.FindAsync(PlanKind.Thematic, plans.OtherCommitteeId, default)));
        var created = Ok(await Exchange(plans, s => s.ImportNewAsync(plans.OtherCommitteeMember, wanted, bytes, default)));

        Assert.All(preview.Check.Nodes, n => Assert.Equal((ImportAction.Add, 0), (n.Action, n.Issues.Count)));
        Assert.True(preview.CanSave);
        Assert.Equal(new PlanImportSummary(3, 0, 1, 0), created.Summary);
        Assert.Equal(created.PlanId, await plans.WithAsync(s => s.FindAsync(PlanKind.Thematic, plans.OtherCommitteeId, default)));
        var view = (await plans.WithAsync(s => s.LoadAsync(plans.OtherCommitteeMember, created.PlanId, default)))!;
        Assert.Equal("Plan d’action du comité Formation", view.Plan.TitleFr);
        Assert.Equal(plans.OtherCommitteeId, view.Plan.CommitteeId);
        Assert.Equal(["Financement de l’ESS", "Faciliter l’accès au crédit", "Former les coopératives aux dossiers de crédit"], view.Rows.Select(r => r.TitleFr));
        Assert.Equal([0, 1, 2], view.Rows.Select(r => r.Depth));
        Assert.DoesNotContain(view.Rows, r => r.Id == plans.AxisId || r.Id == plans.ObjectiveId || r.Id == plans.ActionId);
        var action = view.Rows[2];
        Assert.Equal(100_000m, action.BudgetPlanned);
        Assert.Equal(35m, Assert.Single(Assert.Single(view.Indicators).Measures).Actual);
        await using (var db = await plans.DbAsync())
        {
            // The action's description is a document of the new plan's committee, created in the same save.
            var document = await db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == action.DescriptionDocumentId);
            Assert.Equal((DocumentSpaceKind.Committee, (Guid?)plans.OtherCommitteeId), (document.SpaceKind, document.SpaceId));
            // Audited without anyone asking: the plan, its items and its indicator are in the chain.
            var audited = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Insert).Select(e => new { e.EntityType, e.EntityId }).ToListAsync();
            Assert.Contains(audited, e => e.EntityType == nameof(ActionPlan) && e.EntityId == created.PlanId.ToString());
            Assert.All(view.Rows, r => Assert.Contains(audited, e => e.EntityType == nameof(PlanItem) && e.EntityId == r.Id.ToString()));
            Assert.Contains(audited, e => e.EntityType == nameof(PlanIndicator));
        }

        // The committee's private content (ADR 0045): another committee's member does not see it.
        Assert.Null(await plans.WithAsync(s => s.LoadAsync(plans.EditorA, created.PlanId, default)));
        // The financement plan it was copied from is unchanged.
        Assert.Equal(3, (await plans.WithAsync(s => s.LoadAsync(plans.EditorA, plans.PlanId, default)))!.Rows.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImportNewAsync_ABadRowOrAPlanThatMayNotBeCreated_CreatesNothing(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var export = (await Exchange(plans, s => s.ExportAsync(plans.Secretariat, plans.PlanId, default)))!;
        var bad = new PlanNodeValues("1.1.2", null, "1.1", PlanItemKind.Action, "Action mal datée", "إجراء بتاريخ خاطئ") { StartsOn = new DateOnly(2026, 6, 1), DueOn = new DateOnly(2026, 5, 1) };
        var withBadRow = await XlsxAsync(plans, export with { Nodes = [.. export.Nodes, bad] });
        var good = await XlsxAsync(plans, export);
        var formation = new NewPlan(PlanKind.Thematic, plans.OtherCommitteeId, "Plan Formation", "خطة التكوين");
        var (plansBefore, itemsBefore, documentsBefore) = await CountsAsync(plans);

        var preview = Ok(await Exchange(plans, s => s.PreviewNewAsync(plans.OtherCommitteeMember, formation, withBadRow, default)));
        var refused = await Exchange(plans, s => s.ImportNewAsync(plans.OtherCommitteeMember, formation, withBadRow, default));

        Assert.Equal("Error.DueBeforeStart", Assert.Single(preview.Check.Nodes[3].Issues).Code);
        Assert.False(preview.CanSave);
        Assert.Equal("Error.Import.HasErrors", refused.Refusal?.Code);
        // Localized, not the key.
        Assert.False(string.IsNullOrWhiteSpace(refused.Error));
        Assert.NotEqual("Error.Import.HasErrors", refused.Error);

        // Invalid requests a person can make: refused with the plans' own messages.
        Assert.Equal("Error.PlanTitle", (await Exchange(plans, s => s.ImportNewAsync(plans.OtherCommitteeMember, formation with { TitleAr = " " }, good, default))).Refusal?.Code);
        Assert.Equal("Error.PlanExists", (await Exchange(plans, s => s.PreviewNewAsync(plans.EditorA, new NewPlan(PlanKind.Thematic, plans.CommitteeId, "Encore", "مرة أخرى"), good, default))).Refusal?.Code);
        Assert.Equal("Error.CommitteeRequired", (await Exchange(plans, s => s.PreviewNewAsync(plans.Secretariat, new NewPlan(PlanKind.Thematic, Guid.NewGuid(), "Plan", "خطة"), good, default))).Refusal?.Code);
        Assert.Equal("Error.Import.Layout", (await Exchange(plans, s => s.PreviewNewAsync(plans.OtherCommitteeMember, formation, "PK\u0003\u0004 not a workbook"u8.ToArray(), default))).Refusal?.Code);

        // Rights no page offers (ADR 0023): another committee's member, someone on no committee, a member for the strategic plan.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Exchange(plans, s => s.ImportNewAsync(plans.EditorA, formation, good, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Exchange(plans, s => s.PreviewNewAsync(plans.NonMember, formation, good, default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Exchange(plans, s => s.ImportNewAsync(plans.OtherCommitteeMember, new NewPlan(PlanKind.Strategic, null, "Plan", "خطة"), good, default)));

        Assert.Equal((plansBefore, itemsBefore, documentsBefore), await CountsAsync(plans));
        Assert.Null(await plans.WithAsync(s => s.FindAsync(PlanKind.Thematic, plans.OtherCommitteeId, default)));

        // The staff create the strategic plan from the same workbook; a second time, it exists.
        var strategic = new NewPlan(PlanKind.Strategic, null, "Plan d’action stratégique", "خطة العمل الاستراتيجية");
        var created = Ok(await Exchange(plans, s => s.ImportNewAsync(plans.Secretariat, strategic, good, default)));
        Assert.Equal(3, created.Summary.ItemsAdded);
        Assert.Equal(PlanKind.Strategic, (await plans.WithAsync(s => s.LoadAsync(plans.NonMember, created.PlanId, default)))!.Plan.Kind);
        Assert.Equal("Error.PlanExists", (await Exchange(plans, s => s.ImportNewAsync(plans.Secretariat, strategic, good, default))).Refusal?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task NewPlanChoicesAsync_OffersTheCommitteesOwnPlanToItsPeople_AndEveryMissingPlanToTheStaff(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);

        var member = await plans.WithAsync(s => s.NewPlanChoicesAsync(plans.OtherCommitteeMember, default));
        var financement = await plans.WithAsync(s => s.NewPlanChoicesAsync(plans.EditorA, default));
        var nobody = await plans.WithAsync(s => s.NewPlanChoicesAsync(plans.NonMember, default));
        var staff = await plans.WithAsync(s => s.NewPlanChoicesAsync(plans.Secretariat, default));

        Assert.False(member.Strategic);
        Assert.Equal([plans.OtherCommitteeId], member.Committees.Select(c => c.Id));
        // Its committee's plan exists already: nothing to create.
        Assert.False(financement.Any);
        Assert.False(nobody.Any);
        Assert.True(staff.Strategic);
        Assert.Contains(staff.Committees, c => c.Id == plans.OtherCommitteeId);
        Assert.DoesNotContain(staff.Committees, c => c.Id == plans.CommitteeId);
    }

    private static async Task<(int Plans, int Items, int Documents)> CountsAsync(PlansTestHost plans)
    {
        await using var db = await plans.DbAsync();
        return (await db.Set<ActionPlan>().CountAsync(), await db.Set<PlanItem>().CountAsync(), await db.Set<Document>().CountAsync());
    }

    private static Task<T> Exchange<T>(PlansTestHost plans, Func<PlanExchangeService, Task<T>> action) => plans.Host.WithAsync(action);

    private static T Ok<T>(Outcome<T> outcome) => PlansTestHost.Ok(outcome);

    private static async Task<byte[]> XlsxAsync(PlansTestHost plans, PlanExport export)
    {
        await using var scope = plans.Host.Factory.Services.CreateAsyncScope();
        return await PlanSheetFile.ToXlsxAsync(export, scope.ServiceProvider.GetRequiredService<IStringLocalizer<PlanExchangeText>>(), default);
    }
}
