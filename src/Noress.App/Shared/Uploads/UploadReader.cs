namespace Noress.App.Shared.Uploads;

/// <summary>Reads an upload into memory without ever reading more than the limit allows.</summary>
internal static class UploadReader
{
    /// <summary>The bytes, or null when the declared or actual size is above <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(long declaredSize, long max, Func<long, Stream> openRead, CancellationToken ct)
    {
        if (declaredSize > max)
        {
            return null;
        }

        await using var stream = openRead(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
