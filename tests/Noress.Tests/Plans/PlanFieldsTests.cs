using System.Xml.Linq;
using Noress.App.Plans;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Plans;

public sealed class PlanFieldsTests
{
    [Fact]
    public void Same_ComparesCanonicalForms()
    {
        Assert.True(PlanFields.Same(PlanField.BudgetSpent, "1.50", "1.5"));
        Assert.True(PlanFields.Same(PlanField.TitleEn, "", null));
        Assert.True(PlanFields.Same(PlanField.LeadInstitutionId, "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        Assert.False(PlanFields.Same(PlanField.Progress, "10", "11"));
    }

    [Fact]
    public void TrySet_ReadsEachFieldAndGetGivesItBack()
    {
        var item = new PlanItem { TitleFr = "a", TitleAr = "ب" };
        Assert.True(PlanFields.TrySet(item, PlanField.DueOn, "2026-06-30"));
        Assert.True(PlanFields.TrySet(item, PlanField.Status, "Done"));
        Assert.True(PlanFields.TrySet(item, PlanField.BudgetPlanned, "1200.50"));
        Assert.True(PlanFields.TrySet(item, PlanField.TitleEn, "  "));

        Assert.Equal(new DateOnly(2026, 6, 30), item.DueOn);
        Assert.Equal(PlanItemStatus.Done, item.Status);
        Assert.Equal("1200.5", PlanFields.Get(item, PlanField.BudgetPlanned));
        Assert.Null(item.TitleEn);
    }

    [Theory]
    [InlineData(PlanField.Progress, "ten")]
    [InlineData(PlanField.Status, "Late")]
    [InlineData(PlanField.Status, "2")]
    [InlineData(PlanField.DueOn, "30/06/2026")]
    [InlineData(PlanField.BudgetSpent, null)]
    [InlineData(PlanField.TitleFr, "")]
    [InlineData(PlanField.LeadInstitutionId, "not-a-guid")]
    public void TrySet_UnreadableValue_ChangesNothing(PlanField field, string? value)
    {
        var item = new PlanItem { TitleFr = "a", TitleAr = "ب", Progress = 7 };
        var before = PlanFields.Get(item, field);
        Assert.False(PlanFields.TrySet(item, field, value));
        Assert.Equal(before, PlanFields.Get(item, field));
    }

    [Fact]
    public void FieldEditOf_FormatsTypedValues() =>
        Assert.Equal(new FieldEdit(PlanField.DueOn, null, "2026-01-02"), FieldEdit.Of<DateOnly?>(PlanField.DueOn, null, new DateOnly(2026, 1, 2)));

    [Fact]
    public void PlansText_HasEveryRuleCodeAndAFieldLabelPerField()
    {
        var file = Directory.EnumerateFiles(RepositoryPaths.Source, "PlansText.resx", SearchOption.AllDirectories).Single();
        var keys = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        string[] codes = ["Error.Title", "Error.Status", "Error.DueBeforeStart", "Error.Progress", "Error.Weight", "Error.NegativeBudget", "Error.BudgetTooLarge",
            "Error.OverspendReason", "Error.DecisionReference", "Error.ParentKind", "Error.IndicatorName", "Error.IndicatorUnit", "Error.IndicatorValue",
            "Error.PeriodMissing", "Error.Period", "Error.UnknownInstitution", "Error.UnknownPerson", "Error.UnknownCommittee", "Error.UnknownDecision",
            "Error.Infected", "Error.ScannerUnavailable"];
        var missing = codes.Where(c => !keys.Contains(c))
            .Concat(Enum.GetNames<PlanField>().Select(f => "Field." + f).Where(k => !keys.Contains(k)))
            .Concat(Enum.GetNames<PlanItemStatus>().Select(s => "Status." + s).Where(k => !keys.Contains(k))).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
        foreach (var culture in new[] { "ar", "en" })
        {
            var other = XDocument.Load(file.Replace(".resx", $".{culture}.resx", StringComparison.Ordinal)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            Assert.True(keys.SetEquals(other), culture);
        }
    }
}
