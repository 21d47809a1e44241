using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Noress.App.Shared.Uploads;

/// <summary>
/// The one gate every upload passes before it is stored: with <c>Uploads:ClamAv</c> set, the bytes go to
/// clamd; an infected file is refused and so is every file while clamd cannot give a verdict (fail
/// closed). Storage accepts only a <see cref="ScannedUpload"/>, which only this class produces.
/// </summary>
public sealed partial class UploadScanner(IOptionsMonitor<UploadOptions> options, ILogger<UploadScanner> logger)
{
    public async Task<UploadScanResult> ScanAsync(byte[] content, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.ScanningEnabled)
        {
            return UploadScanResult.Clean(new ScannedUpload(content));
        }

        ClamAvVerdict verdict;
        try
        {
            verdict = await new ClamAvClient(settings.ClamAv!, settings.ScanTimeout).ScanAsync(content, cancellationToken);
        }
        catch (ClamAvException exception)
        {
            LogScannerUnavailable(logger, exception, content.Length);
            return UploadScanResult.ScannerUnavailable;
        }

        if (verdict.IsInfected)
        {
            LogInfected(logger, verdict.Signature!, content.Length);
            return UploadScanResult.Infected(verdict.Signature!);
        }

        return UploadScanResult.Clean(new ScannedUpload(content));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an upload of {Length} bytes: clamd found {Signature}")]
    private static partial void LogInfected(ILogger logger, string signature, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused an upload of {Length} bytes: the virus scanner gave no verdict")]
    private static partial void LogScannerUnavailable(ILogger logger, Exception exception, int length);
}

/// <summary>Bytes that passed the scanner (or were accepted with scanning switched off).</summary>
public sealed class ScannedUpload
{
    internal ScannedUpload(byte[] content) => Content = content;

    public byte[] Content { get; }

    public long Length => Content.LongLength;
}

public enum UploadScanStatus
{
    Clean,
    Infected,
    ScannerUnavailable,
}

public sealed record UploadScanResult(UploadScanStatus Status, ScannedUpload? Upload, string? Signature)
{
    public static readonly UploadScanResult ScannerUnavailable = new(UploadScanStatus.ScannerUnavailable, null, null);

    public static UploadScanResult Clean(ScannedUpload upload) => new(UploadScanStatus.Clean, upload, null);

    public static UploadScanResult Infected(string signature) => new(UploadScanStatus.Infected, null, signature);
}
