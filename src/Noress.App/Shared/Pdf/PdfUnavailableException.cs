namespace Noress.App.Shared.Pdf;

/// <summary>Why a PDF could not be made: the server's fault, not the reader's (the endpoints answer 503).</summary>
public enum PdfFailure
{
    /// <summary>No Chromium on this server (or the configured path does not exist).</summary>
    NotInstalled,

    /// <summary>Chromium ran longer than <see cref="PdfOptions.TimeoutSeconds"/> and was killed.</summary>
    TimedOut,

    /// <summary>Chromium failed or wrote no PDF.</summary>
    Failed,
}

/// <summary>A PDF could not be rendered; the message names the cause and the setting to look at.</summary>
public sealed class PdfUnavailableException(PdfFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public PdfFailure Failure { get; } = failure;
}
