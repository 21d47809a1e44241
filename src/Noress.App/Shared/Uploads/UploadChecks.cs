using System.Text;

namespace Noress.App.Shared.Uploads;

/// <summary>Pure checks on uploaded files: what the bytes are, not what the name claims.</summary>
public static class UploadChecks
{
    public const int MaxFileNameLength = 120;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>The refusal key of a refusal by the upload scanner (every feature that takes uploads has it in its text).</summary>
    public static string RefusalKey(UploadScanStatus status) =>
        status == UploadScanStatus.Infected ? "Error.Infected" : "Error.ScannerUnavailable";

    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith(PdfMagic);

    /// <summary>The logo's content type and stored extension from its magic bytes, or null when neither PNG nor JPEG.</summary>
    public static (string ContentType, string Extension)? ImageKind(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngMagic) ? ("image/png", ".png")
        : content.StartsWith(JpegMagic) ? ("image/jpeg", ".jpg")
        : null;

    /// <summary>
    /// A safe display name for an uploaded file, or null when the name is empty, carries path segments
    /// (slashes, backslashes, drive letters, "..") or has nothing printable left.
    /// </summary>
    public static string? SanitizeFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains('\\') || name.Contains(':') || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            // Bidirectional controls would make "evil\u202Efdp.exe" display as "evil.exe" reversed (ADR 0012).
            if (char.IsControl(c) || Shared.Localization.PeopleText.IsBidiControl(c) || invalid.Contains(c) || c is '"' or '<' or '>' or '|' or '*' or '?' or ';')
            {
                continue;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString().Trim().TrimStart('.');
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(cleaned) is { Length: <= 10 } ext ? ext : string.Empty;
            cleaned = cleaned[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return cleaned;
    }
}
