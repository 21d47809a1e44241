using Microsoft.EntityFrameworkCore;
using Noress.App.Data;
using Noress.App.Plans;

namespace Noress.IntegrationTests.Plans;

/// <summary>Bad input refused with its code and nothing half-saved; who may read and edit which plan (issue 11 §3, "Bad input").</summary>
public sealed class PlanRulesEnforcedTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AddItemsAsync_OneBadItemInTheBatch_RefusedAndNothingSaved(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var (items, documents, audit) = await CountsAsync(plans);
        var action = Guid.NewGuid();

        var outcome = await plans.WithAsync(s => s.AddItemsAsync(plans.EditorA, plans.PlanId, [
            new NewPlanItem(action, plans.ObjectiveId, PlanItemKind.Action, "Cartographier les financeurs", "رسم خريطة الممولين"),
            new NewPlanItem(Guid.NewGuid(), action, PlanItemKind.Action, "Sous-action", "إجراء فرعي") { StartsOn = new DateOnly(2027, 3, 1), DueOn = new DateOnly(2027, 2, 1) },
        ], default));

        Assert.Equal("Error.DueBeforeStart", outcome.Refusal?.Code);
        Assert.Equal((items, documents, audit), await CountsAsync(plans));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, PlanField.Progress, "101", "Error.Progress")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.Progress, "-1", "Error.Progress")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.BudgetPlanned, "-10", "Error.NegativeBudget")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.BudgetSpent, "40000.01", "Error.OverspendReason")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.StartsOn, "2030-01-01", null)]
    [InlineData(DatabaseProvider.Sqlite, PlanField.Weight, "0", "Error.Weight")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.Status, "Late", "Error.Field")]
    [InlineData(DatabaseProvider.Sqlite, PlanField.LeadInstitutionId, "6f9619ff-8b86-d011-b42d-00c04fc964ff", "Error.UnknownInstitution")]
    [InlineData(DatabaseProvider.PostgreSql, PlanField.Progress, "101", "Error.Progress")]
    [InlineData(DatabaseProvider.PostgreSql, PlanField.BudgetSpent, "40000.01", "Error.OverspendReason")]
    public async Task EditItemAsync_BadValueWithAGoodOne_RefusedAndNeitherSaved(DatabaseProvider provider, PlanField field, string value, string? code)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);
        // A due date set first, so that a start after it is the cross-field error.
        seen = await plans.ItemAsync(PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of<DateOnly?>(PlanField.DueOn, null, new DateOnly(2029, 12, 31))], default))).ItemId);

        var outcome = await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version,
            [FieldEdit.Of<string?>(PlanField.TitleEn, null, "Train cooperatives"), new FieldEdit(field, PlanFields.Get(seen, field), value)], default));

        Assert.Equal(code ?? "Error.DueBeforeStart", outcome.Refusal?.Code);
        var after = await plans.ItemAsync(plans.ActionId);
        Assert.Equal(seen.Version, after.Version);
        Assert.Null(after.TitleEn);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MoveItemAsync_UnderItsOwnSubAction_RefusedAsACycle(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var sub = Guid.NewGuid();
        PlansTestHost.Ok(await plans.WithAsync(s => s.AddItemAsync(plans.EditorA, plans.PlanId, new NewPlanItem(sub, plans.ActionId, PlanItemKind.Action, "Sous-action", "إجراء فرعي"), default)));

        var cycle = await plans.WithAsync(s => s.MoveItemAsync(plans.EditorA, plans.ActionId, sub, 0, default));
        var wrongKind = await plans.WithAsync(s => s.MoveItemAsync(plans.EditorA, sub, null, 0, default));
        var withChildren = await plans.WithAsync(s => s.RemoveItemAsync(plans.EditorA, plans.ActionId, default));

        Assert.Equal("Error.Cycle", cycle.Refusal?.Code);
        Assert.Equal("Error.ParentKind", wrongKind.Refusal?.Code);
        Assert.Equal("Error.HasChildren", withChildren.Refusal?.Code);
        Assert.Equal(plans.ObjectiveId, (await plans.ItemAsync(plans.ActionId)).ParentId);
        Assert.Equal(plans.ActionId, (await plans.ItemAsync(sub)).ParentId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RecordMeasureAsync_WithoutPeriod_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var indicator = PlansTestHost.Ok(await plans.WithAsync(s => s.AddIndicatorAsync(plans.EditorA, plans.ActionId, new NewIndicator("Coopératives financées", "تعاونيات ممولة", null, "coopératives", 10, 50), default)));

        var missing = await plans.WithAsync(s => s.RecordMeasureAsync(plans.EditorA, indicator, " ", 20, default));
        var malformed = await plans.WithAsync(s => s.RecordMeasureAsync(plans.EditorA, indicator, "2026-13", 20, default));
        var unknownPartner = await plans.WithAsync(s => s.AddPartnerAsync(plans.EditorA, plans.ActionId, Guid.NewGuid(), default));

        Assert.Equal("Error.PeriodMissing", missing.Refusal?.Code);
        Assert.Equal("Error.Period", malformed.Refusal?.Code);
        Assert.Equal("Error.UnknownInstitution", unknownPartner.Refusal?.Code);
        await using var db = await plans.DbAsync();
        Assert.False(await db.Set<IndicatorMeasure>().AnyAsync());
        Assert.False(await db.Set<PlanItemPartner>().AnyAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ThematicPlan_ReadAndEditedByItsCommitteeAndStaff_NothingForOthers(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);
        Task<Noress.App.Shared.Operations.Outcome<PlanEditResult>> Edit(System.Security.Claims.ClaimsPrincipal who, int progress) =>
            plans.WithAsync(s => s.EditItemAsync(who, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, progress)], default));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Edit(plans.OtherCommitteeMember, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Edit(plans.NonMember, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => plans.WithAsync(s => s.AddItemAsync(plans.OtherCommitteeMember, plans.PlanId, new NewPlanItem(Guid.NewGuid(), plans.ObjectiveId, PlanItemKind.Action, "x", "س"), default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => plans.WithAsync(s => s.AddPartnerAsync(plans.NonMember, plans.ActionId, plans.Unseated, default)));
        Assert.Equal(0, (await plans.ItemAsync(plans.ActionId)).Progress);

        // A thematic plan is its committee's private content (ADR 0045): nothing of it for another committee's member
        // or a member of no committee, from any read path of the service.
        foreach (var outsider in new[] { plans.OtherCommitteeMember, plans.NonMember })
        {
            Assert.Null(await plans.WithAsync(s => s.LoadAsync(outsider, plans.PlanId, default)));
            Assert.Null(await plans.WithAsync(s => s.ChoicesAsync(outsider, plans.PlanId, default)));
            Assert.Null(await plans.WithAsync(s => s.HistoryAsync(outsider, plans.ActionId, default)));
            Assert.DoesNotContain(await plans.WithAsync(s => s.ListAsync(outsider, default)), p => p.Id == plans.PlanId);
        }

        var readByCommittee = await plans.WithAsync(s => s.LoadAsync(plans.EditorB, plans.PlanId, default));
        Assert.True(readByCommittee!.Plan.CanEdit);

        Assert.True(PlansTestHost.Ok(await Edit(plans.EditorB, 10)).Saved);
        var staff = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.Secretariat, plans.ActionId, seen.Version, [FieldEdit.Of<string?>(PlanField.TitleEn, null, "Train cooperatives")], default)));
        Assert.True(staff.Saved);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task StrategicPlan_EditedByStaffOnly_ReadByMembers_OnePerNetwork(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var planId = PlansTestHost.Ok(await plans.WithAsync(s => s.CreatePlanAsync(plans.Secretariat, PlanKind.Strategic, null, "Plan d’action stratégique", "خطة العمل الاستراتيجية", null, default)));
        var axis = Guid.NewGuid();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => plans.WithAsync(s => s.AddItemAsync(plans.EditorA, planId, new NewPlanItem(axis, null, PlanItemKind.Axis, "Axe", "محور"), default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => plans.WithAsync(s => s.CreatePlanAsync(plans.EditorA, PlanKind.Thematic, plans.OtherCommitteeId, "Plan", "خطة", null, default)));
        PlansTestHost.Ok(await plans.WithAsync(s => s.AddItemAsync(plans.Secretariat, planId, new NewPlanItem(axis, null, PlanItemKind.Axis, "La maison de l’ESS", "دار الاقتصاد الاجتماعي"), default)));
        var second = await plans.WithAsync(s => s.CreatePlanAsync(plans.Secretariat, PlanKind.Strategic, null, "Un autre", "آخر", null, default));
        var secondThematic = await plans.WithAsync(s => s.CreatePlanAsync(plans.Secretariat, PlanKind.Thematic, plans.CommitteeId, "Un autre", "آخر", null, default));

        Assert.Equal("Error.PlanExists", second.Refusal?.Code);
        Assert.Equal("Error.PlanExists", secondThematic.Refusal?.Code);
        var view = await plans.WithAsync(s => s.LoadAsync(plans.EditorA, planId, default));
        Assert.False(view!.Plan.CanEdit);
        Assert.Equal(axis, Assert.Single(view.Rows).Id);
        // Every member reads the strategic plan; the thematic plan only its committee's people (ADR 0045).
        var list = await plans.WithAsync(s => s.ListAsync(plans.NonMember, default));
        Assert.Equal([PlanKind.Strategic], list.Select(p => p.Kind));
        Assert.NotNull(await plans.WithAsync(s => s.LoadAsync(plans.NonMember, planId, default)));
        Assert.Equal([PlanKind.Strategic, PlanKind.Thematic], (await plans.WithAsync(s => s.ListAsync(plans.EditorA, default))).Select(p => p.Kind));
    }

    [Fact]
    public async Task LoadAsync_RowsInTreeOrderWithRollupLateAndTheActionsDescriptionDocument()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite);
        var second = Guid.NewGuid();
        PlansTestHost.Ok(await plans.WithAsync(s => s.AddItemAsync(plans.EditorA, plans.PlanId,
            new NewPlanItem(second, plans.ObjectiveId, PlanItemKind.Action, "Plaider auprès des banques", "الترافع لدى الأبناك") { Progress = 100, Weight = 3, DueOn = new DateOnly(2020, 1, 1), Status = PlanItemStatus.InProgress }, default)));
        PlansTestHost.Ok(await plans.WithAsync(s => s.MoveItemAsync(plans.EditorA, second, plans.ObjectiveId, 0, default)));

        var view = await plans.WithAsync(s => s.LoadAsync(plans.EditorA, plans.PlanId, default));

        Assert.Equal([plans.AxisId, plans.ObjectiveId, second, plans.ActionId], view!.Rows.Select(r => r.Id));
        Assert.Equal([0, 1, 2, 2], view.Rows.Select(r => r.Depth));
        Assert.True(view.Row(second)!.Late);
        Assert.Equal(1, view.Row(plans.AxisId)!.LateBelow);
        Assert.Equal(75m, view.Row(plans.ObjectiveId)!.Rollup.Progress); // (100*3 + 0*1) / 4
        Assert.Equal(100_000m, view.Totals.BudgetPlanned);
        Assert.True(view.Plan.CanEdit);
        var documentId = view.Row(plans.ActionId)!.DescriptionDocumentId;
        Assert.NotNull(documentId);
        Assert.Null(view.Row(plans.ObjectiveId)!.DescriptionDocumentId);
        await using var db = await plans.DbAsync();
        var document = await db.Documents.SingleAsync(d => d.Id == documentId);
        Assert.Equal((Noress.App.Documents.DocumentSpaceKind.Committee, (Guid?)plans.CommitteeId), (document.SpaceKind, document.SpaceId));
    }

    private static async Task<(int Items, int Documents, int Audit)> CountsAsync(PlansTestHost plans)
    {
        await using var db = await plans.DbAsync();
        return (await db.Set<PlanItem>().CountAsync(), await db.Documents.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
