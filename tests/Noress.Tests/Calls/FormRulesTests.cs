using Noress.App.Calls;

namespace Noress.Tests.Calls;

public sealed class FormRulesTests
{
    private static readonly CallFormField Summary = new() { Position = 0, Kind = FormFieldKind.Text, LabelFr = "Résumé", LabelAr = "ملخص", Required = true, MaxLength = 10 };
    private static readonly CallFormField Amount = new() { Position = 1, Kind = FormFieldKind.Amount, LabelFr = "Montant", LabelAr = "مبلغ", MinAmount = 100m, MaxAmount = 1_000m };
    private static readonly CallFormField Choice = new() { Position = 2, Kind = FormFieldKind.Choice, LabelFr = "Secteur", LabelAr = "قطاع", ChoicesFr = "Agriculture\nArtisanat", ChoicesAr = "فلاحة\nصناعة تقليدية" };
    private static readonly CallFormField Budget = new() { Position = 3, Kind = FormFieldKind.BudgetTable, LabelFr = "Budget", LabelAr = "ميزانية", Required = true, MaxItems = 2 };
    private static readonly CallFormField Statutes = new() { Position = 4, Kind = FormFieldKind.Files, LabelFr = "Statuts", LabelAr = "قانون أساسي", Required = true };
    private static readonly CallFormField Plan = new() { Position = 5, Kind = FormFieldKind.LongText, LabelFr = "Projet", LabelAr = "مشروع", Required = true, MaxLength = 20 };
    private static readonly CallFormField[] Fields = [Summary, Amount, Choice, Budget, Statutes, Plan];

    private static ApplicationDraft Draft(Action<ApplicationDraft>? change = null)
    {
        var draft = new ApplicationDraft { Title = "Projet" };
        change?.Invoke(draft);
        return draft;
    }

    [Fact]
    public void Limits_AValidDraft_HasNoProblem() =>
        Assert.Null(FormRules.Limits(Fields, Draft(d => d.Answers[Summary.Id] = new AnswerInput { Text = "Court" }), cap: null));

    [Theory]
    [InlineData("Error.ApplicationTitle", "title")]
    [InlineData("Error.TooLong", "text")]
    [InlineData("Error.AmountOutOfRange", "amount-low")]
    [InlineData("Error.AmountOutOfRange", "amount-high")]
    [InlineData("Error.UnknownChoice", "choice")]
    [InlineData("Error.TooManyItems", "lines")]
    [InlineData("Error.BudgetLabel", "label")]
    [InlineData("Error.UnknownField", "field")]
    [InlineData("Error.AboveCap", "cap")]
    public void Limits_EachBrokenLimit_IsNamed(string code, string broken)
    {
        var draft = Draft(d =>
        {
            switch (broken)
            {
                case "title":
                    d.Title = " ";
                    break;
                case "text":
                    d.Answers[Summary.Id] = new AnswerInput { Text = "Beaucoup trop long" };
                    break;
                case "amount-low":
                    d.Answers[Amount.Id] = new AnswerInput { Amount = 99m };
                    break;
                case "amount-high":
                    d.Answers[Amount.Id] = new AnswerInput { Amount = 1_000.01m };
                    break;
                case "choice":
                    d.Answers[Choice.Id] = new AnswerInput { Text = "2" };
                    break;
                case "lines":
                    d.BudgetLines = [.. Enumerable.Range(0, 3).Select(i => new BudgetLineInput { FieldId = Budget.Id, Label = $"L{i}" })];
                    break;
                case "label":
                    d.BudgetLines = [new BudgetLineInput { FieldId = Budget.Id, Label = "" }];
                    break;
                case "field":
                    d.Answers[Guid.NewGuid()] = new AnswerInput { Text = "?" };
                    break;
                case "cap":
                    d.BudgetLines = [new BudgetLineInput { FieldId = Budget.Id, Label = "Équipement", Requested = 60_000.01m }];
                    break;
            }
        });
        Assert.Equal(code, FormRules.Limits(Fields, draft, cap: 60_000m)?.Code);
    }

    [Fact]
    public void Missing_ListsTheEmptyRequiredFieldsInFormOrder()
    {
        var missing = FormRules.Missing(Fields, Draft(), new Dictionary<Guid, int>(), new Dictionary<Guid, string> { [Plan.Id] = "  " });
        Assert.Equal([Summary, Budget, Statutes, Plan], missing);

        var complete = Draft(d =>
        {
            d.Answers[Summary.Id] = new AnswerInput { Text = "Court" };
            d.BudgetLines = [new BudgetLineInput { FieldId = Budget.Id, Label = "Équipement", Requested = 1m }];
        });
        Assert.Empty(FormRules.Missing(Fields, complete, new Dictionary<Guid, int> { [Statutes.Id] = 1 }, new Dictionary<Guid, string> { [Plan.Id] = "Texte" }));
    }

    [Fact]
    public void TooLong_AndMissingDocuments_FollowTheFieldLimits()
    {
        Assert.Equal([Plan], FormRules.TooLong(Fields, new Dictionary<Guid, string> { [Plan.Id] = new string('x', 21) }));
        Assert.Empty(FormRules.TooLong(Fields, new Dictionary<Guid, string> { [Plan.Id] = new string('x', 20) }));
        Assert.Equal([Statutes], FormRules.MissingDocuments(Fields, new Dictionary<Guid, int>()));
    }

    [Fact]
    public void BudgetTotals_SplitRequestedAndOwnContribution()
    {
        var draft = Draft(d => d.BudgetLines = [
            new BudgetLineInput { FieldId = Budget.Id, Label = "A", Requested = 40_000m, OwnContribution = 8_000m },
            new BudgetLineInput { FieldId = Budget.Id, Label = "B", Requested = 20_000m, OwnContribution = 7_000m },
        ]);
        Assert.Equal(60_000m, draft.Requested);
        Assert.Equal(15_000m, draft.OwnContribution);
    }

    [Fact]
    public void Schedule_AcceptsSubmissionsUpToTheDeadlineExcluded()
    {
        var deadline = new DateTime(2026, 12, 31, 23, 0, 0, DateTimeKind.Utc);
        var call = new Call { TitleFr = "x", TitleAr = "x", PublishedAt = deadline.AddDays(-60), PublicationAt = deadline.AddDays(-60), OpensAt = deadline.AddDays(-30), DeadlineAt = deadline };
        Assert.True(CallSchedule.AcceptsSubmissions(call, deadline.AddMilliseconds(-1)));
        Assert.False(CallSchedule.AcceptsSubmissions(call, deadline));
        Assert.False(CallSchedule.AcceptsSubmissions(call, deadline.AddMilliseconds(1)));
        Assert.True(CallSchedule.AcceptsSubmissions(call, call.OpensAt));
        Assert.False(CallSchedule.AcceptsSubmissions(call, call.OpensAt.AddMilliseconds(-1)));
        Assert.False(CallSchedule.AcceptsSubmissions(new Call { TitleFr = "x", TitleAr = "x", OpensAt = call.OpensAt, DeadlineAt = deadline }, deadline.AddDays(-1)));
    }
}
