using System.Buffers.Binary;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Noress.App.Calls.Review;

/// <summary>
/// Strips what a file says about its author before a juror of a blind call downloads it (issue 12 §9, ADR 0039).
/// PNG: only the chunks that draw the image are kept (text, time and EXIF chunks go). JPEG: APP1 (EXIF, XMP), APP13
/// (IPTC) and comments go. PDF: the pages are copied into a new document (no information dictionary, no XMP), and the
/// result is read back and refused if any author, title, subject, keywords, creator or XMP is left. What a page
/// itself shows (a name typed in the text) is the applicant's to leave out: the call's instructions say so.
/// Null when the file cannot be cleaned: the service then refuses it rather than serve it as it is.
/// </summary>
public static class FileMetadata
{
    private static readonly HashSet<string> PngKept = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"];

    public static byte[]? Strip(byte[] content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return contentType switch
            {
                "image/png" => Png(content),
                "image/jpeg" => Jpeg(content),
                "application/pdf" => Pdf(content),
                _ => null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A file the cleaner cannot read is not served to a blind jury.
            return null;
        }
    }

    private static byte[]? Png(byte[] content)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!content.AsSpan().StartsWith(signature))
        {
            return null;
        }

        using var output = new MemoryStream();
        output.Write(signature);
        var at = signature.Length;
        while (at + 12 <= content.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(content, at + 4, 4);
            var total = 12 + length;
            if (length < 0 || at + total > content.Length)
            {
                return null;
            }

            if (PngKept.Contains(type))
            {
                output.Write(content, at, total);
            }

            at += total;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }

    private static byte[]? Jpeg(byte[] content)
    {
        if (content.Length < 4 || content[0] != 0xFF || content[1] != 0xD8)
        {
            return null;
        }

        using var output = new MemoryStream();
        output.Write(content, 0, 2);
        var at = 2;
        while (at + 4 <= content.Length)
        {
            if (content[at] != 0xFF)
            {
                return null;
            }

            var marker = content[at + 1];
            if (marker == 0xDA)
            {
                // Start of scan: the image data follows to the end, copied as it is.
                output.Write(content, at, content.Length - at);
                return output.ToArray();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content.AsSpan(at + 2));
            if (at + 2 + length > content.Length)
            {
                return null;
            }

            // APP1 (EXIF, XMP), APP12-APP13 (IPTC, Photoshop) and comments hold who, when, where and with what.
            var drop = marker is 0xE1 or 0xEC or 0xED or 0xFE;
            if (!drop)
            {
                output.Write(content, at, 2 + length);
            }

            at += 2 + length;
        }

        return null;
    }

    private static byte[]? Pdf(byte[] content)
    {
        byte[] copy;
        using (var source = PdfDocument.Open(content))
        {
            using var builder = new PdfDocumentBuilder();
            for (var page = 1; page <= source.NumberOfPages; page++)
            {
                builder.AddPage(source, page);
            }

            copy = builder.Build();
        }

        using var check = PdfDocument.Open(copy);
        var info = check.Information;
        var left = new[] { info.Author, info.Title, info.Subject, info.Keywords, info.Creator }.Any(v => !string.IsNullOrWhiteSpace(v));
        return left || check.TryGetXmpMetadata(out _) ? null : copy;
    }
}
