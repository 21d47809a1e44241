using Noress.Tests.Infrastructure;

namespace Noress.Tests.Localization;

public sealed class RawDateFormatTests
{
    [Fact]
    public void AppSources_FormatDatesOnlyThroughNoressFormat()
    {
        var app = Path.Combine(RepositoryPaths.Source, "Noress.App");
        var problems = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RawDateFormatScanner.Find(Path.GetRelativePath(app, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

        Assert.True(problems.Count == 0,
            "Dates formatted outside NoressFormat (ADR 0006): in Arabic these give d/M/yyyy with right-to-left marks, "
            + "and ToLocalTime gives the server's zone instead of Casablanca. Use NoressFormat.Date/LongDate/Time/DateTime/MonthYear, "
            + "or CultureInfo.InvariantCulture for a machine format:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("Members/X.razor", """<td>@mandate.StartsOn.ToString("d")</td>""")]
    [InlineData("Members/X.razor", """@NoressClock.ToLocal(c.CreatedAt).ToString("g")""")]
    [InlineData("Calendar/X.razor", """@Month.ToString("MMMM yyyy", CultureInfo.CurrentCulture)""")]
    [InlineData("Audit/X.razor", """<PropertyColumn Property="r => r.OccurredAt" Format="yyyy-MM-dd HH:mm:ss" />""")]
    [InlineData("Audit/X.razor", """<td>@($"{row.At:dd/MM}")</td>""")]
    [InlineData("Notifications/X.cs", """var when = created.ToLocalTime().ToString(CultureInfo.CurrentCulture);""")]
    [InlineData("Notifications/X.cs", """var when = created.ToString("f", CultureInfo.CurrentCulture);""")]
    [InlineData("Notifications/X.cs", """var day = created.ToShortDateString();""")]
    public void Find_RawDateFormat_IsReported(string path, string line) =>
        Assert.Single(RawDateFormatScanner.Find(path, line));

    [Theory]
    [InlineData("Members/X.razor", """<td>@NoressFormat.Date(mandate.StartsOn)</td>""")]
    [InlineData("Members/X.cs", """key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);""")]
    [InlineData("Members/X.cs", """text = amount.ToString("N0", culture);""")]
    [InlineData("Members/X.cs", """hex = ((int)c).ToString("X4", CultureInfo.CurrentCulture);""")]
    [InlineData("Members/X.razor", """<MudNumericField Format="N2" />""")]
    [InlineData("Shared/Localization/NoressFormat.cs", """date.ToString("dd'/'MM'/'yyyy", Resolve(culture));""")]
    public void Find_FormatterOrMachineFormat_IsAllowed(string path, string line) =>
        Assert.Empty(RawDateFormatScanner.Find(path, line));
}
