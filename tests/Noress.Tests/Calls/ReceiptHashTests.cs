using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Noress.App.Calls;

namespace Noress.Tests.Calls;

public sealed class ReceiptHashTests
{
    private static readonly Guid Field1 = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Field2 = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static SubmittedApplication Sample() => new(
        Guid.Parse("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"),
        Guid.Parse("bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"),
        "AMI-2-001",
        Guid.Parse("cccccccc-cccc-cccc-cccc-cccccccccccc"),
        null,
        "Coopérative Al Amal",
        new DateTime(2026, 12, 5, 15, 0, 0, 123, DateTimeKind.Utc),
        [new SubmittedAnswer(Field2, 1, FormFieldKind.Amount, null, 60_000m, null), new SubmittedAnswer(Field1, 0, FormFieldKind.LongText, "Résumé\r\ndu projet", null, null)],
        [new SubmittedBudgetLine(Field1, 0, "Équipement", 50_000m, 10_000m), new SubmittedBudgetLine(Field1, 1, "Formation", 10_000m, 5_000m)],
        [new SubmittedPartner(Field1, 0, null, "Association Tanmia", "Formation")],
        [new SubmittedFile(Field2, "statuts.pdf", "application/pdf", 1234, new string('a', 64))]);

    [Fact]
    public void Compute_IsTheSha256OfTheCanonicalText()
    {
        var sample = Sample();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReceiptHash.Canonical(sample))));
        Assert.Equal(expected, ReceiptHash.Compute(sample));
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void Canonical_IsAPinnedShape_SoAReceiptCanBeCheckedLater()
    {
        var canonical = ReceiptHash.Canonical(Sample());
        Assert.StartsWith("{\"v\":\"noress-call-receipt-1\",\"call\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", canonical, StringComparison.Ordinal);
        Assert.Contains("\"submittedAt\":\"2026-12-05T15:00:00.123Z\"", canonical, StringComparison.Ordinal);
        // Answers in form order, amounts with two decimals, CRLF as LF.
        Assert.Matches("\"answers\":\\[\\{\"field\":\"1{32}\",\"kind\":\"LongText\",\"text\":\"Résumé\\\\ndu projet\"", canonical);
        Assert.Contains("\"amount\":\"60000.00\"", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DoesNotDependOnTheCultureNorOnListOrder()
    {
        var sample = Sample();
        var reference = ReceiptHash.Compute(sample);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-MA");
            var shuffled = sample with { Answers = [.. sample.Answers.Reverse()], BudgetLines = [.. sample.BudgetLines.Reverse()] };
            Assert.Equal(reference, ReceiptHash.Compute(shuffled));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Compute_ChangesWithAnythingSubmitted()
    {
        var sample = Sample();
        var reference = ReceiptHash.Compute(sample);
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { Title = "Coopérative Al Amal " }));
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { SubmittedAtUtc = sample.SubmittedAtUtc.AddMilliseconds(1) }));
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { BudgetLines = [sample.BudgetLines[0] with { Requested = 50_000.01m }, sample.BudgetLines[1]] }));
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { Files = [sample.Files[0] with { Sha256 = new string('b', 64) }] }));
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { Answers = [sample.Answers[0], sample.Answers[1] with { Text = "Résumé du projet." }] }));
        Assert.NotEqual(reference, ReceiptHash.Compute(sample with { Partners = [] }));
    }

    [Fact]
    public void Canonical_NormalisesUnicodeComposition()
    {
        var composed = Sample() with { Title = "Coopérative" };
        var decomposed = Sample() with { Title = "Coope\u0301rative" };
        Assert.Equal(ReceiptHash.Compute(composed), ReceiptHash.Compute(decomposed));
    }
}
