using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Noress.App.Audit;
using Noress.App.Committees.Workspace;
using Noress.App.Data;
using Noress.App.Plans;

namespace Noress.IntegrationTests.Plans;

/// <summary>The conflict prompt, the history and the committee feed name the person who changed a row, not the e-mail the audit keeps.</summary>
public sealed class PlanPeopleNamesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConflictHistoryAndFeed_NameThePerson_TheEmailOnlyWhenTheAccountIsGone(DatabaseProvider provider)
    {
        await using var plans = await PlansTestHost.StartAsync(provider);
        var personId = Guid.Parse(plans.EditorA.FindFirstValue(ClaimTypes.NameIdentifier)!);
        string name;
        string email;
        await using (var db = await plans.DbAsync())
        {
            var person = await db.Users.SingleAsync(u => u.Id == personId);
            (name, email) = (person.FullName, person.Email!);
        }

        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.NotEqual(email, name);
        var seen = await plans.ItemAsync(plans.ActionId);
        using (AuditActorContext.Use(new AuditActor(personId, email)))
        {
            Assert.True(PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, seen.Version, [FieldEdit.Of(PlanField.Progress, 0, 30)], default))).Saved);
        }

        // A second change by an account that no longer exists: its e-mail is all there is.
        var gone = await plans.ItemAsync(plans.ActionId);
        using (AuditActorContext.Use(new AuditActor(Guid.NewGuid(), "former@financement.test")))
        {
            Assert.True(PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorA, plans.ActionId, gone.Version, [FieldEdit.Of(PlanField.Weight, 1m, 2m)], default))).Saved);
        }

        var conflict = PlansTestHost.Ok(await plans.WithAsync(s => s.EditItemAsync(plans.EditorB, plans.ActionId, seen.Version,
            [FieldEdit.Of(PlanField.Progress, 0, 60), FieldEdit.Of(PlanField.Weight, 1m, 3m)], default)));
        Assert.Equal(name, Assert.Single(conflict.Conflicts, c => c.Field == PlanField.Progress).ChangedBy);
        Assert.Equal("former@financement.test", Assert.Single(conflict.Conflicts, c => c.Field == PlanField.Weight).ChangedBy);

        var history = await plans.WithAsync(s => s.HistoryAsync(plans.EditorA, plans.ActionId, default));
        Assert.Equal(name, Assert.Single(history!, h => h.Field == nameof(PlanItem.Progress) && h.Action == AuditAction.Update).UserName);

        var feed = await plans.Host.WithAsync<IEnumerable<ICommitteeActivitySource>, IReadOnlyList<CommitteeActivity>>(async sources =>
            [.. (await Task.WhenAll(sources.OfType<PlanActivitySource>().Select(s => s.ListAsync(plans.CommitteeId, 20, default)))).SelectMany(x => x)]);
        Assert.Contains(feed, a => a.Text.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(feed, a => a.Text.Contains(email, StringComparison.Ordinal));
    }
}
