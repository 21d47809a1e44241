using Bunit;
using Noress.App.Audit;
using Noress.Tests.Infrastructure;

namespace Noress.Tests.Audit;

public sealed class AuditAnchorPanelTests : NoressTestContext
{
    private static readonly string Hash = "4be1c0ffee" + new string('7', 54);
    private static readonly DateTime At = new(2026, 5, 12, 9, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void Render_GenuineCheckpointAndIntactRun_ShowsSequenceTimeHashPrefixAndValidSignature()
    {
        var status = new AuditStatus(
            new AuditCheckpointView(12, 1_204, At, Hash, SignatureValid: true),
            new AuditRunView(At.AddMinutes(5), Full: false, 1_230, null, null));

        var cut = RenderPage<AuditAnchorPanel>(p => p.Add(x => x.Status, status));

        var checkpoint = cut.Find("[data-testid=audit-checkpoint]").TextContent;
        Assert.Contains("n° 12", checkpoint, StringComparison.Ordinal);
        Assert.Contains("1.204", checkpoint, StringComparison.Ordinal);
        Assert.Contains("12/05/2026 10:05", checkpoint, StringComparison.Ordinal);
        Assert.Contains("4be1c0ffee777777…", checkpoint, StringComparison.Ordinal);
        Assert.DoesNotContain(Hash, checkpoint, StringComparison.Ordinal);
        Assert.Equal("Signature valide", cut.Find("[data-testid=audit-signature-valid]").TextContent.Trim());
        Assert.Equal(
            "Dernière vérification (depuis le dernier point de contrôle) le 12/05/2026 10:10\u00A0: chaîne intacte jusqu'au maillon n° 1.230.",
            cut.Find("[data-testid=audit-last-run]").TextContent.Trim());
    }

    [Fact]
    public void Render_ForgedCheckpointAndBrokenRun_ShowsInvalidSignatureBreakAndAlert()
    {
        var status = new AuditStatus(
            new AuditCheckpointView(13, 1_230, At, Hash, SignatureValid: false),
            new AuditRunView(At, Full: true, 1_100, new AuditChainBreak(1_230, AuditChainBreakReason.Truncated), At));

        var cut = RenderPage<AuditAnchorPanel>(p => p.Add(x => x.Status, status));

        Assert.Empty(cut.FindAll("[data-testid=audit-signature-valid]"));
        Assert.Equal("Signature invalide", cut.Find("[data-testid=audit-signature-invalid]").TextContent.Trim());
        var run = cut.Find("[data-testid=audit-last-run]").TextContent;
        Assert.Contains("rompue au maillon n° 1.230", run, StringComparison.Ordinal);
        Assert.Contains("entrées les plus récentes supprimées", run, StringComparison.Ordinal);
        Assert.Contains("Administrateurs alertés le 12/05/2026 10:05", run, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "No signed checkpoint yet.", "No verification recorded yet.")]
    [InlineData("ar-MA", "لا توجد نقطة تحقق موقّعة بعد.", "لم يُسجَّل أي تحقق بعد.")]
    public void Render_NothingYet_SaysSoInTheLanguage(string culture, string noCheckpoint, string noRun)
    {
        UseCulture(culture);

        var cut = RenderPage<AuditAnchorPanel>(p => p.Add(x => x.Status, new AuditStatus(null, null)));

        Assert.Equal(noCheckpoint, cut.Find("[data-testid=audit-checkpoint]").TextContent.Trim());
        Assert.Equal(noRun, cut.Find("[data-testid=audit-last-run]").TextContent.Trim());
    }

    [Fact]
    public void Render_EveryString_IsLocalized()
    {
        UseMarkerLocalizer();
        var status = new AuditStatus(
            new AuditCheckpointView(1, 2, At, Hash, SignatureValid: false),
            new AuditRunView(At, Full: true, 1, new AuditChainBreak(2, AuditChainBreakReason.CheckpointMismatch), At));

        var cut = RenderPage<AuditAnchorPanel>(p => p.Add(x => x.Status, status));

        Assert.Contains("⟦Audit.Anchor.Title⟧", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("⟦Audit.Anchor.Checkpoint:", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("⟦Audit.Anchor.SignatureInvalid⟧", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("⟦Audit.Anchor.LastRun.Broken:⟦Audit.Anchor.LastRun.Full⟧", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("⟦Audit.Anchor.Alerted:", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(UnlocalizedTextChecker.Find(cut.Markup));
    }
}
