using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Noress.App.Calls;

/// <summary>What was submitted, in a fixed shape: the receipt's hash is computed on its canonical serialization.</summary>
public sealed record SubmittedApplication(
    Guid CallId,
    Guid ApplicationId,
    string Reference,
    Guid? InstitutionId,
    Guid? ApplicantUserId,
    string Title,
    DateTime SubmittedAtUtc,
    IReadOnlyList<SubmittedAnswer> Answers,
    IReadOnlyList<SubmittedBudgetLine> BudgetLines,
    IReadOnlyList<SubmittedPartner> Partners,
    IReadOnlyList<SubmittedFile> Files);

/// <summary>A scalar or long-text answer; <paramref name="Text"/> holds a long text's document text at submission.</summary>
public sealed record SubmittedAnswer(Guid FieldId, int Position, FormFieldKind Kind, string? Text, decimal? Amount, DateOnly? Date);

public sealed record SubmittedBudgetLine(Guid FieldId, int Position, string Label, decimal Requested, decimal OwnContribution);

public sealed record SubmittedPartner(Guid FieldId, int Position, Guid? InstitutionId, string? Name, string? Role);

public sealed record SubmittedFile(Guid FieldId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// The canonical serialization of a submission and its SHA-256 (ADR 0036): JSON written property by property in a
/// fixed order, lists sorted by field position then line position (files by name then hash), amounts in invariant
/// culture with two decimals, dates ISO 8601, the instant in UTC to the millisecond, text as NFC. The same
/// submission gives the same bytes on every node and every culture; any change in what was submitted changes the hash.
/// </summary>
public static class ReceiptHash
{
    public static string Canonical(SubmittedApplication submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("v", "noress-call-receipt-1");
            json.WriteString("call", Id(submission.CallId));
            json.WriteString("application", Id(submission.ApplicationId));
            json.WriteString("reference", Text(submission.Reference));
            json.WriteString("institution", submission.InstitutionId is { } i ? Id(i) : null);
            json.WriteString("applicant", submission.ApplicantUserId is { } a ? Id(a) : null);
            json.WriteString("title", Text(submission.Title));
            json.WriteString("submittedAt", DateTime.SpecifyKind(submission.SubmittedAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("answers");
            foreach (var answer in submission.Answers.OrderBy(a => a.Position).ThenBy(a => a.FieldId))
            {
                json.WriteStartObject();
                json.WriteString("field", Id(answer.FieldId));
                json.WriteString("kind", answer.Kind.ToString());
                json.WriteString("text", answer.Text is null ? null : Text(answer.Text));
                json.WriteString("amount", answer.Amount is { } amount ? Amount(amount) : null);
                json.WriteString("date", answer.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("budget");
            foreach (var line in submission.BudgetLines.OrderBy(l => l.FieldId).ThenBy(l => l.Position))
            {
                json.WriteStartObject();
                json.WriteString("field", Id(line.FieldId));
                json.WriteString("label", Text(line.Label));
                json.WriteString("requested", Amount(line.Requested));
                json.WriteString("own", Amount(line.OwnContribution));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("partners");
            foreach (var partner in submission.Partners.OrderBy(p => p.FieldId).ThenBy(p => p.Position))
            {
                json.WriteStartObject();
                json.WriteString("field", Id(partner.FieldId));
                json.WriteString("institution", partner.InstitutionId is { } p ? Id(p) : null);
                json.WriteString("name", partner.Name is null ? null : Text(partner.Name));
                json.WriteString("role", partner.Role is null ? null : Text(partner.Role));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var file in submission.Files.OrderBy(f => f.FieldId).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Sha256, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("field", Id(file.FieldId));
                json.WriteString("name", Text(file.FileName));
                json.WriteString("type", file.ContentType);
                json.WriteNumber("size", file.Size);
                json.WriteString("sha256", file.Sha256.ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The SHA-256 of the canonical serialization, lowercase hex (64 characters).</summary>
    public static string Compute(SubmittedApplication submission) => Sha256(Encoding.UTF8.GetBytes(Canonical(submission)));

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Id(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    // Line endings and Unicode composition differ between browsers; neither is what the applicant meant to change.
    private static string Text(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
}
