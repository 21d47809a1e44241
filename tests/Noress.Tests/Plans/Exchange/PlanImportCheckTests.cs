using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Plans;
using Noress.App.Plans.Exchange;
using Noress.Tests.Plans.Views;

namespace Noress.Tests.Plans.Exchange;

public sealed class PlanImportCheckTests
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private static readonly IStringLocalizer<PlanExchangeText> T = Services.GetRequiredService<IStringLocalizer<PlanExchangeText>>();
    private static readonly IStringLocalizer<PlansText> Errors = Services.GetRequiredService<IStringLocalizer<PlansText>>();

    private readonly Guid odco;
    private readonly Guid remess;
    private readonly Guid amina;
    private readonly Guid committee;
    private readonly Guid decision = Guid.NewGuid();
    private readonly PlanView view;
    private readonly PlanSheetNames names;

    public PlanImportCheckTests()
    {
        var builder = new PlanViewBuilder(new DateOnly(2026, 12, 5));
        odco = builder.Institution("ODCO", "Office du développement de la coopération", "مكتب تنمية التعاون");
        remess = builder.Institution("REMESS", "Réseau marocain de l’ESS", "الشبكة المغربية");
        amina = builder.Person("Amina Alaoui");
        committee = builder.Committee("financement", "Financement", "التمويل", "Financing");
        var axis = builder.Axis("Financement de l’ESS");
        var objective = builder.Objective(axis, "Faciliter l’accès au crédit");
        var action = builder.Action(objective, "Former les coopératives", r => r with
        {
            LeadInstitutionId = odco,
            PartnerIds = [remess],
            ResponsibleUserId = amina,
            CommitteeId = committee,
            StartsOn = new DateOnly(2026, 1, 1),
            DueOn = new DateOnly(2026, 6, 30),
            Status = PlanItemStatus.InProgress,
            Progress = 40,
            Weight = 2m,
            BudgetPlanned = 100_000m,
            BudgetCommitted = 40_000m,
            BudgetSpent = 12_500.5m,
            DecisionId = decision,
        });
        builder.Indicator(action, "Coopératives formées", "coopératives", 0m, 120m, ("2026-Q1", 30m), ("2026-Q2", 55m));
        builder.Indicator(objective, "Dossiers déposés", "dossiers", 10m, 50m);
        view = builder.Build();
        names = new PlanSheetNames([(odco, "ODCO"), (remess, "REMESS")], [(amina, "amina@noress.demo")], [(committee, "financement")], [(decision, "2026-004")]);
    }

    [Fact]
    public async Task Xlsx_ExportedThenRead_GivesTheSameCells_AndEveryRowUnchanged()
    {
        using var culture = new UiCulture("fr");
        var export = Export();

        var sheet = PlanSheetFile.Read(await PlanSheetFile.ToXlsxAsync(export, T, default));

        Assert.NotNull(sheet);
        Assert.Equal(PlanSheetFile.Headers(T), sheet.NodeHeader);
        Assert.Equal(export.Nodes.Select(n => PlanSheetLayout.Columns.Select(c => PlanSheetLayout.Text(PlanSheetLayout.Cell(c, n, names))).ToList()), sheet.Nodes.Select(r => r.Cells.ToList()));
        Assert.Equal(["1", "1.1", "1.1.1"], sheet.Nodes.Select(r => r[(int)PlanColumn.Key]));
        var action = sheet.Nodes[2];
        Assert.Equal(["ODCO", "REMESS", "amina@noress.demo", "financement", "2026-01-01", "2026-06-30", "InProgress", "40", "2", "100000", "40000", "12500.5", "2026-004"],
            new[] { PlanColumn.Lead, PlanColumn.Partners, PlanColumn.Responsible, PlanColumn.Committee, PlanColumn.StartsOn, PlanColumn.DueOn, PlanColumn.Status, PlanColumn.Progress,
                PlanColumn.Weight, PlanColumn.BudgetPlanned, PlanColumn.BudgetCommitted, PlanColumn.BudgetSpent, PlanColumn.Decision }.Select(c => action[(int)c]));
        Assert.Equal(3, sheet.Indicators.Count);
        Assert.Equal(["1.1.1", "Coopératives formées", "2026-Q1", "30"], new[] { IndicatorColumn.NodeKey, IndicatorColumn.NameFr, IndicatorColumn.Period, IndicatorColumn.Actual }.Select(c => sheet.Indicators[0][(int)c]));

        var check = Check(sheet);

        Assert.False(check.HasErrors, Describe(check));
        Assert.All(check.Nodes, n => Assert.Equal(ImportAction.Unchanged, n.Action));
        Assert.All(check.Indicators, i => Assert.Equal(ImportAction.Unchanged, i.Action));
        Assert.False(check.HasChanges);
    }

    [Fact]
    public async Task Xlsx_ExportedInArabic_ImportsWithFrenchHeadersAccepted()
    {
        byte[] bytes;
        using (new UiCulture("ar"))
        {
            bytes = await PlanSheetFile.ToXlsxAsync(Export(), T, default);
        }

        var sheet = PlanSheetFile.Read(bytes)!;
        var check = PlanImportCheck.Run(sheet, view, names, [Headers("fr"), Headers("ar")], [IndicatorHeaders("fr"), IndicatorHeaders("ar")]);

        Assert.Null(check.LayoutError);
        Assert.Equal("المفتاح", sheet.NodeHeader[0]);
    }

    [Fact]
    public void Csv_HasTheSameCellsAsTheSheet()
    {
        using var culture = new UiCulture("en");
        var export = Export();

        var text = Encoding.UTF8.GetString(PlanSheetFile.ToCsv(export, T)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Key;Id;Kind;Parent key;", lines[0], StringComparison.Ordinal);
        Assert.Contains(";ODCO;REMESS;amina@noress.demo;financement;2026-01-01;2026-06-30;InProgress;40;2;100000;40000;12500.5;;2026-004", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanColumn.Lead, "NOPE", "Error.UnknownInstitution")]
    [InlineData(PlanColumn.Partners, "REMESS, NOPE", "Error.UnknownInstitution")]
    [InlineData(PlanColumn.Partners, "ODCO", "Error.PartnerIsLead")]
    [InlineData(PlanColumn.Responsible, "nobody@noress.demo", "Error.UnknownPerson")]
    [InlineData(PlanColumn.Committee, "astronomie", "Error.UnknownCommittee")]
    [InlineData(PlanColumn.DueOn, "2025-12-31", "Error.DueBeforeStart")]
    [InlineData(PlanColumn.StartsOn, "demain", "Error.Import.Date")]
    [InlineData(PlanColumn.Progress, "101", "Error.Progress")]
    [InlineData(PlanColumn.Progress, "-1", "Error.Progress")]
    [InlineData(PlanColumn.Progress, "quarante", "Error.Import.Number")]
    [InlineData(PlanColumn.Weight, "0", "Error.Weight")]
    [InlineData(PlanColumn.BudgetPlanned, "-5", "Error.NegativeBudget")]
    [InlineData(PlanColumn.BudgetSpent, "45000", "Error.OverspendReason")]
    [InlineData(PlanColumn.ParentKey, "9.9", "Error.Import.UnknownParent")]
    [InlineData(PlanColumn.ParentKey, "1.1.1", "Error.Cycle")]
    [InlineData(PlanColumn.ParentKey, "", "Error.ParentKind")]
    [InlineData(PlanColumn.Kind, "Galaxy", "Error.Kind")]
    [InlineData(PlanColumn.Kind, "Objective", "Error.Import.KindChanged")]
    [InlineData(PlanColumn.Status, "Someday", "Error.Status")]
    [InlineData(PlanColumn.TitleAr, "", "Error.Title")]
    [InlineData(PlanColumn.Id, "8d3f0c8e-0000-4000-8000-000000000000", "Error.Import.UnknownId")]
    [InlineData(PlanColumn.Key, "", "Error.Import.KeyMissing")]
    public void Run_OneBadCell_FlagsThatRowAndColumn_WithALocalizedMessage(PlanColumn column, string value, string code)
    {
        var sheet = Sheet();
        var row = sheet.Nodes[2];
        var cells = row.Cells.ToArray();
        cells[(int)column] = value;
        if (column == PlanColumn.Key)
        {
            // A row without key is matched by id still; the indicators then name it by its stored key.
            cells[(int)PlanColumn.Id] = view.Rows[2].Id.ToString();
        }

        var check = Check(sheet with { Nodes = [sheet.Nodes[0], sheet.Nodes[1], row with { Cells = cells }] });

        var issue = Assert.Single(check.Nodes[2].Issues, i => i.Code == code);
        Assert.True(check.HasErrors);
        Assert.Null(check.Nodes[2].Values);
        Assert.All(check.Nodes.Take(2), n => Assert.Empty(n.Issues));
        AssertLocalized(code, issue.Column);
    }

    [Fact]
    public void Run_SpentAboveCommittedWithAReason_IsAnUpdate()
    {
        var sheet = Sheet();
        var cells = sheet.Nodes[2].Cells.ToArray();
        cells[(int)PlanColumn.BudgetSpent] = "45000";
        cells[(int)PlanColumn.OverspendReason] = "Avenant signé le 3 mars";

        var check = Check(sheet with { Nodes = [sheet.Nodes[0], sheet.Nodes[1], sheet.Nodes[2] with { Cells = cells }] });

        Assert.False(check.HasErrors, Describe(check));
        Assert.Equal(ImportAction.Update, check.Nodes[2].Action);
        Assert.Equal([PlanColumn.BudgetSpent, PlanColumn.OverspendReason], check.Nodes[2].Changed);
    }

    [Fact]
    public void Run_DuplicateKeys_FlagBothRows()
    {
        var sheet = Sheet();
        var copy = sheet.Nodes[2].Cells.ToArray();
        copy[(int)PlanColumn.Id] = string.Empty;
        copy[(int)PlanColumn.Key] = "1.1";

        var check = Check(sheet with { Nodes = [.. sheet.Nodes, new SheetRow(9, copy)] });

        Assert.Contains(check.Nodes[1].Issues, i => i.Code == "Error.Import.DuplicateKey");
        Assert.Contains(check.Nodes[3].Issues, i => i.Code == "Error.Import.DuplicateKey");
        AssertLocalized("Error.Import.DuplicateKey", nameof(PlanColumn.Key));
    }

    [Fact]
    public void Run_NewRowsUnderNewRows_AreAdded_ChildBeforeParentInTheFile()
    {
        var sheet = Sheet();
        var child = Row(10, "1.2.1", "Action", "1.2", "Sous-action", "إجراء");
        var parent = Row(11, "1.2", "Objective", "1", "Nouvel objectif", "هدف جديد");

        var check = Check(sheet with { Nodes = [.. sheet.Nodes, child, parent] });

        Assert.False(check.HasErrors, Describe(check));
        Assert.Equal([ImportAction.Unchanged, ImportAction.Unchanged, ImportAction.Unchanged, ImportAction.Add, ImportAction.Add], check.Nodes.Select(n => n.Action));
        Assert.Equal(check.Nodes[4].ItemId, check.Nodes[3].ParentId);
        Assert.Equal(view.Rows[0].Id, check.Nodes[4].ParentId);
        Assert.Equal(view.Plan.CommitteeId, check.Nodes[3].Values!.CommitteeId);
    }

    [Fact]
    public void Run_RowsLeftOutOfTheFile_AreKeptAndStillNameable()
    {
        var sheet = Sheet();

        var check = Check(sheet with { Nodes = [sheet.Nodes[2]] });

        Assert.False(check.HasErrors, Describe(check));
        Assert.Equal(ImportAction.Unchanged, Assert.Single(check.Nodes).Action);
    }

    [Fact]
    public void Run_ANewCycleAmongNewRows_IsRefused()
    {
        var sheet = Sheet();
        var a = Row(10, "1.1.2", "Action", "1.1.3", "A", "أ");
        var b = Row(11, "1.1.3", "Action", "1.1.2", "B", "ب");

        var check = Check(sheet with { Nodes = [.. sheet.Nodes, a, b] });

        Assert.Contains(check.Nodes[3].Issues, i => i.Code == "Error.Cycle");
        Assert.Contains(check.Nodes[4].Issues, i => i.Code == "Error.Cycle");
    }

    [Theory]
    [InlineData("", "30", "Error.PeriodMissing", IndicatorColumn.Period)]
    [InlineData("2026-Q1", "", "Error.Import.ActualMissing", IndicatorColumn.Actual)]
    [InlineData("2026-Q5", "30", "Error.Period", IndicatorColumn.Period)]
    [InlineData("2026-Q1", "30", "Error.Import.DuplicatePeriod", IndicatorColumn.Period)]
    public void Run_BadMeasure_FlagsTheIndicatorRow(string period, string actual, string code, IndicatorColumn column)
    {
        var sheet = Sheet();
        var cells = sheet.Indicators[1].Cells.ToArray();
        (cells[(int)IndicatorColumn.Period], cells[(int)IndicatorColumn.Actual]) = (period, actual);

        var check = Check(sheet with { Indicators = [sheet.Indicators[0], sheet.Indicators[1] with { Cells = cells }, sheet.Indicators[2]] });

        Assert.Empty(check.Indicators[0].Issues);
        var issue = Assert.Single(check.Indicators[1].Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(column.ToString(), issue.Column);
        AssertLocalized(code, issue.Column);
    }

    [Fact]
    public void Run_IndicatorOfAnUnknownNode_OrWithAnotherTarget_IsFlagged()
    {
        var sheet = Sheet();
        var unknown = sheet.Indicators[2].Cells.ToArray();
        unknown[(int)IndicatorColumn.NodeKey] = "7";
        var mismatch = sheet.Indicators[1].Cells.ToArray();
        mismatch[(int)IndicatorColumn.Target] = "200";

        var check = Check(sheet with { Indicators = [sheet.Indicators[0], sheet.Indicators[1] with { Cells = mismatch }, sheet.Indicators[2] with { Cells = unknown }] });

        Assert.Equal("Error.Import.IndicatorMismatch", Assert.Single(check.Indicators[1].Issues).Code);
        Assert.Equal("Error.Import.UnknownNode", Assert.Single(check.Indicators[2].Issues).Code);
    }

    [Fact]
    public void Run_NewMeasureAndChangedValue_AreAddAndUpdate()
    {
        var sheet = Sheet();
        var changed = sheet.Indicators[1].Cells.ToArray();
        changed[(int)IndicatorColumn.Actual] = "60";
        var added = sheet.Indicators[1].Cells.ToArray();
        (added[(int)IndicatorColumn.Period], added[(int)IndicatorColumn.Actual]) = ("2026-q3", "80");

        var check = Check(sheet with { Indicators = [sheet.Indicators[0], sheet.Indicators[1] with { Cells = changed }, new SheetRow(20, added), sheet.Indicators[2]] });

        Assert.False(check.HasErrors, Describe(check));
        Assert.Equal([ImportAction.Unchanged, ImportAction.Update, ImportAction.Add, ImportAction.Unchanged], check.Indicators.Select(i => i.Action));
        Assert.Equal("2026-Q3", check.Indicators[2].Period);
    }

    [Fact]
    public void Run_AnotherLayout_IsALayoutError()
    {
        var sheet = Sheet();

        var check = Check(sheet with { NodeHeader = ["Sigle", "Nom"] });

        Assert.Equal("Error.Import.Layout", check.LayoutError);
        Assert.True(check.HasErrors);
        AssertLocalized("Error.Import.Layout", null);
    }

    private PlanExport Export()
    {
        var keys = PlanSheetLayout.Keys(view.Rows);
        return new PlanExport(view.Plan, [.. view.Rows.Select(r => PlanSheetLayout.Values(r, keys))], PlanSheetLayout.IndicatorRows(view.Indicators, keys), names);
    }

    /// <summary>The export as the reader gives it back (invariant headers, text cells).</summary>
    private PlanSheet Sheet()
    {
        var export = Export();
        var line = 1;
        return new PlanSheet(
            [.. PlanSheetLayout.Columns.Select(c => c.ToString())],
            [.. export.Nodes.Select(n => new SheetRow(++line, [.. PlanSheetLayout.Columns.Select(c => PlanSheetLayout.Text(PlanSheetLayout.Cell(c, n, names)))]))],
            [.. PlanSheetLayout.IndicatorColumns.Select(c => c.ToString())],
            [.. export.Indicators.Select(i => new SheetRow(++line, [.. PlanSheetLayout.IndicatorColumns.Select(c => PlanSheetLayout.Text(PlanSheetLayout.Cell(c, i)))]))]);
    }

    private static SheetRow Row(int line, string key, string kind, string parent, string fr, string ar)
    {
        var cells = new string[PlanSheetLayout.Columns.Count];
        Array.Fill(cells, string.Empty);
        (cells[(int)PlanColumn.Key], cells[(int)PlanColumn.Kind], cells[(int)PlanColumn.ParentKey], cells[(int)PlanColumn.TitleFr], cells[(int)PlanColumn.TitleAr]) = (key, kind, parent, fr, ar);
        return new SheetRow(line, cells);
    }

    private PlanImportCheckResult Check(PlanSheet sheet) => PlanImportCheck.Run(sheet, view, names, [Headers("fr")], [IndicatorHeaders("fr")]);

    private static IReadOnlyList<string> Headers(string language)
    {
        using var culture = new UiCulture(language);
        return PlanSheetFile.Headers(T);
    }

    private static IReadOnlyList<string> IndicatorHeaders(string language)
    {
        using var culture = new UiCulture(language);
        return PlanSheetFile.IndicatorHeaders(T);
    }

    /// <summary>The code has a message in each language, and its column a header.</summary>
    private static void AssertLocalized(string code, string? column)
    {
        var messages = new List<string>();
        foreach (var language in new[] { "fr", "ar", "en" })
        {
            using var culture = new UiCulture(language);
            var message = Errors[code];
            Assert.False(message.ResourceNotFound, $"{code} has no {language} text");
            messages.Add(message.Value);
            if (column is not null)
            {
                var header = Enum.TryParse<PlanColumn>(column, out var c) ? T["Column." + c] : T["IndicatorColumn." + Enum.Parse<IndicatorColumn>(column)];
                Assert.False(header.ResourceNotFound, $"{column} has no {language} header");
            }
        }

        Assert.Equal(3, messages.Distinct().Count());
    }

    private static string Describe(PlanImportCheckResult check) =>
        check.LayoutError ?? string.Join("; ", check.Nodes.Concat<object>(check.Indicators).Select(r => r switch
        {
            ImportNodeRow n => $"{n.Key}: {string.Join(",", n.Issues.Select(i => i.Code + "@" + i.Column))} {n.Action}",
            ImportIndicatorRow i => $"{i.NodeKey}/{i.Period}: {string.Join(",", i.Issues.Select(x => x.Code + "@" + x.Column))} {i.Action}",
            _ => string.Empty,
        }));

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo saved = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = saved;
    }
}
