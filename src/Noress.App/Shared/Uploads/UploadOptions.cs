namespace Noress.App.Shared.Uploads;

/// <summary>Configuration section <c>Uploads</c>: how uploaded files are checked before they are stored.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>
    /// The clamd that scans every upload: <c>tcp://host:port</c> or <c>unix:/path/to/clamd.ctl</c>. Empty: no
    /// scanning. When set and clamd cannot be reached, uploads are refused (fail closed).
    /// </summary>
    public string? ClamAv { get; set; }

    /// <summary>Longest wait for one scan (connect, send, verdict).</summary>
    public TimeSpan ScanTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool ScanningEnabled => !string.IsNullOrWhiteSpace(ClamAv);
}
