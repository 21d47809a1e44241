using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Plans;
using Noress.App.Plans.Grid;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans;

/// <summary>
/// Issue 8 §10 in the plan grid: every cell, the conflict prompt and the history show a field through
/// <see cref="PlanCellText.Show"/>, so a title or a person's name typed with a right-to-left override
/// ("Rapport\u202Efdp.exe") is shown without it, not reversed.
/// </summary>
public sealed class PlanCellTextBidiTests : NoressTestContext
{
    private static readonly Guid Person = Guid.NewGuid();

    [Theory]
    [InlineData(PlanField.TitleFr)]
    [InlineData(PlanField.TitleAr)]
    [InlineData(PlanField.TitleEn)]
    public void Show_TypedTextWithBidiControls_DropsThem(PlanField field) =>
        Assert.Equal("Rapportfdp.exe", Cells().Show(field, "Rapport\u202Efdp.exe\u202C"));

    [Fact]
    public void Show_ResponsiblePersonNameWithOverride_DropsIt() =>
        Assert.Equal("Salma exe.txt", Cells().Show(PlanField.ResponsibleUserId, Person.ToString()));

    private PlanCellText Cells()
    {
        var view = new PlanView(new PlanSummary(Guid.NewGuid(), PlanKind.Strategic, null, "P", "P", null, Guid.NewGuid(), true), [], new RollupResult(null, 0, 0, 0),
            new DateOnly(2026, 3, 5), new Dictionary<Guid, PlanInstitution>(), new Dictionary<Guid, string> { [Person] = "Salma \u202Eexe.txt" }, new Dictionary<Guid, PlanCommittee>(), [], []);
        return new PlanCellText(view, null, Services.GetRequiredService<IStringLocalizer<PlansText>>());
    }
}
