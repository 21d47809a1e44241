using Microsoft.Extensions.DependencyInjection;
using Noress.App.Audit;
using Noress.App.Data;
using Noress.App.Plans;
using Noress.App.Shared.RealTime;

namespace Noress.IntegrationTests.Plans;

/// <summary>Per-field edits of one action by two people at once (issue 11 §4, ADR 0027), on SQLite and PostgreSQL.</summary>
public sealed class PlanEditConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EditItemAsync_TwoEditsOfDifferentFieldsFromTheSameVersion_BothKept(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);

        var first = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of<DateOnly?>(PlanField.DueOn, null, new DateOnly(2027, 6, 30))], default)));
        var second = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorB, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, 35)], default)));

        Assert.True(first.Saved);
        Assert.True(second.Saved);
        var item = await plans.ItemAsync(plans.ActionId);
        Assert.Equal(new DateOnly(2027, 6, 30), item.DueOn);
        Assert.Equal(35, item.Progress);
        Assert.Equal(second.Version, item.Version);
        Assert.NotEqual(first.Version, second.Version);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EditItemAsync_ConcurrentSavesOfDifferentFields_AllKept(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);
        FieldEdit[][] edits =
        [
            [FieldEdit.Of(PlanField.Progress, 0, 20)],
            [FieldEdit.Of<DateOnly?>(PlanField.StartsOn, null, new DateOnly(2027, 1, 1))],
            [FieldEdit.Of(PlanField.BudgetSpent, 0m, 1_500m)],
            [FieldEdit.Of<string?>(PlanField.DecisionReference, null, "AG du 12 mars 2026, résolution 4")],
        ];

        // Each save in its own scope and DbContext, all from the same version: the version token lets one win at a time, the others merge again.
        var results = await Task.WhenAll(edits.Select((e, i) => Task.Run(() => plans.WithAsync(s => s.EditItemAsync(i % 2 == 0 ? plans.EditorA : plans.EditorB, plans.ActionId, seen.Version, e, default)))));

        Assert.All(results, r => Assert.True(r.Succeeded && r.Value!.Saved, r.Error));
        var item = await plans.ItemAsync(plans.ActionId);
        Assert.Equal(20, item.Progress);
        Assert.Equal(new DateOnly(2027, 1, 1), item.StartsOn);
        Assert.Equal(1_500m, item.BudgetSpent);
        Assert.Equal("AG du 12 mars 2026, résolution 4", item.DecisionReference);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EditItemAsync_SameFieldFromTheSameVersion_SecondGetsAConflictNotAnOverwrite(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);
        using (AuditActorContext.Use(new AuditActor(Guid.NewGuid(), "amina@financement.test")))
        {
            Assert.True(PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, 30)], default))).Saved);
        }

        var conflict = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorB, plans.ActionId, seen.Version,
            [FieldEdit.Of(PlanField.Progress, 0, 60), FieldEdit.Of<string?>(PlanField.TitleEn, null, "Train cooperatives")], default)));

        Assert.False(conflict.Saved);
        var field = Assert.Single(conflict.Conflicts);
        Assert.Equal(PlanField.Progress, field.Field);
        Assert.Equal("30", field.Current);
        Assert.Equal("60", field.Attempted);
        Assert.Equal("amina@financement.test", field.ChangedBy);
        var kept = await plans.ItemAsync(plans.ActionId);
        Assert.Equal(30, kept.Progress);
        Assert.Null(kept.TitleEn); // nothing of the refused edit is saved
        Assert.Equal(kept.Version, conflict.Version);

        // The person chooses their value, knowing the other one: re-submitted on the current base, it is saved.
        var chosen = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorB, plans.ActionId, conflict.Version, [FieldEdit.Of(PlanField.Progress, 30, 60)], default)));
        Assert.True(chosen.Saved);
        Assert.Equal(60, (await plans.ItemAsync(plans.ActionId)).Progress);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task EditItemAsync_ConcurrentSavesOfTheSameField_ExactlyOneWinsTheOthersConflict(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var seen = await plans.ItemAsync(plans.ActionId);
        int[] values = [10, 20, 30, 40];

        var results = await Task.WhenAll(values.Select(v => Task.Run(() => plans.WithAsync(s => s.EditItemAsync(v % 20 == 0 ? plans.EditorA : plans.EditorB, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, v)], default)))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var winner = Assert.Single(results, r => r.Value!.Saved);
        var progress = (await plans.ItemAsync(plans.ActionId)).Progress;
        Assert.Equal(progress, values[Array.IndexOf(results, winner)]);
        Assert.All(results.Where(r => !r.Value!.Saved), r => Assert.Equal(progress.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(r.Value!.Conflicts).Current));
    }

    [Fact]
    public async Task EditItemAsync_Saved_PublishesTheRowWithItsNewVersionAndItsAncestors()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite);
        var events = new List<BusEvent>();
        using var subscription = plans.Host.Factory.Services.GetRequiredService<IEventBus>().Subscribe(Topics.Plan(plans.PlanId), e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });
        var seen = await plans.ItemAsync(plans.ActionId);

        var result = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, 50)], default)));

        var published = Assert.Single(events);
        Assert.Equal(PlanEvents.Items, published.Kind);
        var change = PlanChange.Parse(published.Payload)!;
        Assert.Equal(new PlanChangedItem(plans.ActionId, result.Version), Assert.Single(change.Items));
        Assert.Equal([plans.ObjectiveId, plans.AxisId], change.Ancestors);
    }

    [Fact]
    public async Task AddPartnerAsync_AndRemove_MoveTheItemsVersionLikeAField()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite);
        var before = (await plans.ItemAsync(plans.ActionId)).Version;

        PlansTestHost.Ok(await plans.WithAsync(s => s.AddPartnerAsync(plans.EditorA, plans.ActionId, plans.Unseated, default)));
        var added = (await plans.ItemAsync(plans.ActionId)).Version;
        PlansTestHost.Ok(await plans.WithAsync(s => s.RemovePartnerAsync(plans.EditorA, plans.ActionId, plans.Unseated, default)));
        var removed = (await plans.ItemAsync(plans.ActionId)).Version;

        Assert.NotEqual(before, added);
        Assert.NotEqual(added, removed);
        // An edit made on the row as it was before the partner change is checked field by field and still saved.
        var edit = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorB, plans.ActionId, before, [FieldEdit.Of(PlanField.Progress, 0, 30)], default)));
        Assert.True(edit.Saved);
        Assert.NotEqual(removed, edit.Version);
    }

    [Fact]
    public async Task HistoryAsync_ListsWhoChangedWhichFieldFromWhatToWhat()
    {
        await using var plans = await PlansTestHost.StartAsync(DatabaseProvider.Sqlite);
        var seen = await plans.ItemAsync(plans.ActionId);
        using (AuditActorContext.Use(new AuditActor(Guid.NewGuid(), "karim@financement.test")))
        {
            PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, 45), FieldEdit.Of(PlanField.Status, PlanItemStatus.Planned, PlanItemStatus.InProgress)], default)));
            PlansTestHost.Ok(await plans.WithAsync(s => s.AddPartnerAsync(plans.EditorA, plans.ActionId, plans.Unseated, default)));
            var indicator = PlansTestHost.Ok(await plans.WithAsync(s => s.AddIndicatorAsync(plans.EditorA, plans.ActionId, new NewIndicator("Coopératives formées", "تعاونيات مكونة", null, "coopératives", 0, 40), default)));
            PlansTestHost.Ok(await plans.WithAsync(s => s.RecordMeasureAsync(plans.EditorA, indicator, "2026-q4", 12, default)));
        }

        var history = await plans.WithAsync(s => s.HistoryAsync(plans.EditorB, plans.ActionId, default));

        Assert.NotNull(history);
        var progress = Assert.Single(history, h => h.Subject == PlanHistorySubject.Item && h.Field == nameof(PlanItem.Progress) && h.Action == AuditAction.Update);
        Assert.Equal(("0", "45", "karim@financement.test"), (progress.Before, progress.After, progress.UserName));
        Assert.Contains(history, h => h.Subject == PlanHistorySubject.Item && h.Field == nameof(PlanItem.Status) && h.After == "InProgress");
        Assert.Contains(history, h => h.Subject == PlanHistorySubject.Partner && h.Action == AuditAction.Insert);
        Assert.Contains(history, h => h.Subject == PlanHistorySubject.Indicator && h.Field == nameof(PlanIndicator.Target) && h.After == "40");
        Assert.Contains(history, h => h.Subject == PlanHistorySubject.Measure && h.Field == nameof(IndicatorMeasure.Period) && h.After == "2026-Q4");
        Assert.True(history.Select(h => h.Sequence).SequenceEqual(history.Select(h => h.Sequence).OrderDescending()));
    }
}
