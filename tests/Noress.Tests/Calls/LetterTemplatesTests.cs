using System.Globalization;
using System.Resources;
using Noress.App.Calls;
using Noress.App.Calls.Outputs;

namespace Noress.Tests.Calls;

/// <summary>Decision letters' templates (issue 12 §13): placeholders checked on save, filled and escaped when a letter is made.</summary>
public sealed class LetterTemplatesTests
{
    private static readonly LetterValues Values = new("Coopérative *Tifawin*", "Atelier [solidaire]", "AMI 2", "2", "60.000,00 MAD", "1", "5 décembre 2026", "Budget incomplet");

    [Theory]
    [InlineData("Bonjour {{applicant}}, projet {{ project }}, {{amount}} le {{decision_date}}.")]
    [InlineData("{{call}} {{edition}} {{prize_rank}} {{reason}}")]
    [InlineData("Aucun champ, et des accolades simples { comme ceci }.")]
    public void Unknown_OnlyKnownPlaceholders_None(string markdown) => Assert.Empty(LetterTemplates.Unknown(markdown));

    [Fact]
    public void Unknown_MisspelledAndInventedNames_EachNamedOnceInOrder()
    {
        var unknown = LetterTemplates.Unknown("{{applicant}} {{aplicant}} {{montant}} {{aplicant}} {{}} {{Applicant}}");

        Assert.Equal(["aplicant", "montant", string.Empty, "Applicant"], unknown);
    }

    [Fact]
    public void Fill_ReplacesEveryPlaceholder_AndEscapesMarkdownInValues()
    {
        var filled = LetterTemplates.Fill("**{{applicant}}** : {{project}} – {{amount}} ({{prize_rank}}) {{decision_date}} {{reason}} {{call}} {{edition}}", Values);

        Assert.Equal(@"**Coopérative \*Tifawin\*** : Atelier \[solidaire\] – 60.000,00 MAD (1) 5 décembre 2026 Budget incomplet AMI 2 2", filled);
        Assert.DoesNotContain("{{", filled, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationState.Selected, LetterOutcome.Selected)]
    [InlineData(ApplicationState.AgreementSigned, LetterOutcome.Selected)]
    [InlineData(ApplicationState.Closed, LetterOutcome.Selected)]
    [InlineData(ApplicationState.Reserve, LetterOutcome.Reserve)]
    [InlineData(ApplicationState.Rejected, LetterOutcome.Rejected)]
    [InlineData(ApplicationState.Ineligible, LetterOutcome.Ineligible)]
    [InlineData(ApplicationState.Awarded, LetterOutcome.Prize)]
    [InlineData(ApplicationState.HonourableMention, LetterOutcome.HonourableMention)]
    [InlineData(ApplicationState.NotAwarded, LetterOutcome.NotAwarded)]
    public void OutcomeOf_DecidedStates_TheirLetter(ApplicationState state, LetterOutcome outcome) => Assert.Equal(outcome, LetterTemplates.OutcomeOf(state));

    [Theory]
    [InlineData(ApplicationState.Draft)]
    [InlineData(ApplicationState.Submitted)]
    [InlineData(ApplicationState.UnderEvaluation)]
    [InlineData(ApplicationState.Deliberation)]
    [InlineData(ApplicationState.Withdrawn)]
    public void OutcomeOf_Undecided_NoLetter(ApplicationState state) => Assert.Null(LetterTemplates.OutcomeOf(state));

    [Fact]
    public void DefaultTemplates_EveryOutcomeAndLanguage_ExistAndUseOnlyKnownPlaceholders()
    {
        var resources = new ResourceManager("Noress.App.Calls.Outputs.OutputsText", typeof(OutputsText).Assembly);
        foreach (var kind in new[] { CallKind.Ami, CallKind.Competition })
        {
            foreach (var outcome in LetterTemplates.Outcomes(kind))
            {
                foreach (var culture in LetterTemplates.Cultures)
                {
                    var template = resources.GetString($"Template.{outcome}", CultureInfo.GetCultureInfo(culture));
                    Assert.False(string.IsNullOrWhiteSpace(template), $"{outcome} {culture}");
                    Assert.Empty(LetterTemplates.Unknown(template!));
                    Assert.Contains("{{project}}", template, StringComparison.Ordinal);
                }
            }
        }

        Assert.Contains("قرار", resources.GetString("Letter.Title", CultureInfo.GetCultureInfo("ar")), StringComparison.Ordinal);
    }
}
