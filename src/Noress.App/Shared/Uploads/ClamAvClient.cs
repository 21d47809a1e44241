using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Noress.App.Shared.Uploads;

/// <summary>
/// Talks clamd's protocol (Debian's clamav-daemon): <c>zPING</c> and <c>zINSTREAM</c>, where the content goes
/// in chunks, each preceded by its length as 4 bytes big-endian, and a zero length ends the stream. Replies
/// end with a NUL: "stream: OK", "stream: {signature} FOUND" or "... ERROR".
/// </summary>
public sealed class ClamAvClient(string address, TimeSpan timeout)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Parses "tcp://host:port" or "unix:/path"; throws with the setting's name when it is neither.</summary>
    public static EndPoint ParseAddress(string address)
    {
        if (address.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            var path = address["unix:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            if (path.Length > 0)
            {
                return new UnixDomainSocketEndPoint(path);
            }
        }
        else if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == "tcp" && uri.Port > 0)
        {
            return IPAddress.TryParse(uri.Host, out var ip) ? new IPEndPoint(ip, uri.Port) : new DnsEndPoint(uri.Host, uri.Port);
        }

        throw new FormatException($"{UploadOptions.Section}:ClamAv must be tcp://host:port or unix:/path/to/clamd.ctl, not \"{address}\".");
    }

    /// <summary>True when clamd answers PONG.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        var reply = await ExchangeAsync(async (stream, ct) => await stream.WriteAsync("zPING\0"u8.ToArray(), ct), cancellationToken);
        return reply == "PONG";
    }

    /// <summary>The verdict of clamd on <paramref name="content"/>; throws <see cref="ClamAvException"/> when clamd fails.</summary>
    public async Task<ClamAvVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var reply = await ExchangeAsync(async (stream, ct) =>
        {
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
            var length = new byte[4];
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                await stream.WriteAsync(length, ct);
                await stream.WriteAsync(chunk, ct);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, ct);
        }, cancellationToken);
        return ParseScanReply(reply);
    }

    /// <summary>"stream: OK" is clean, "stream: NAME FOUND" infected; anything else is a failure of the scanner.</summary>
    public static ClamAvVerdict ParseScanReply(string reply)
    {
        const string Prefix = "stream: ";
        if (reply == Prefix + "OK")
        {
            return ClamAvVerdict.Clean;
        }

        if (reply.StartsWith(Prefix, StringComparison.Ordinal) && reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return ClamAvVerdict.Infected(reply[Prefix.Length..^" FOUND".Length]);
        }

        throw new ClamAvException($"clamd answered \"{reply}\".");
    }

    private async Task<string> ExchangeAsync(Func<NetworkStream, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var ct = timeoutSource.Token;
        var endPoint = ParseAddress(address);
        try
        {
            using var socket = endPoint is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, ct);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await send(stream, ct);
            await stream.FlushAsync(ct);

            using var reply = new MemoryStream();
            var buffer = new byte[256];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                var end = Array.IndexOf(buffer, (byte)0, 0, read);
                reply.Write(buffer, 0, end < 0 ? read : end);
                if (end >= 0 || reply.Length > 4096)
                {
                    break;
                }
            }

            return Encoding.ASCII.GetString(reply.ToArray()).Trim();
        }
        catch (Exception exception) when (exception is SocketException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ClamAvException($"clamd at {address} cannot be reached: {exception.Message}", exception);
        }
    }
}

/// <summary>What clamd said of one file.</summary>
public sealed record ClamAvVerdict(bool IsInfected, string? Signature)
{
    public static readonly ClamAvVerdict Clean = new(false, null);

    public static ClamAvVerdict Infected(string signature) => new(true, signature);
}

/// <summary>clamd could not be reached or did not give a verdict.</summary>
public sealed class ClamAvException(string message, Exception? inner = null) : Exception(message, inner);
