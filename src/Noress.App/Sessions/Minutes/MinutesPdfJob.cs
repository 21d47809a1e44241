using Hangfire;

namespace Noress.App.Sessions.Minutes;

/// <summary>
/// Prints approved minutes' PDFs in the background (ADR 0030): thin and reentrant, it takes the minutes' id and
/// calls <see cref="MinutesService"/>, which does nothing when the PDFs are already stored.
/// </summary>
public sealed class MinutesPdfJob(MinutesService minutes)
{
    /// <summary>Prints and stores both PDFs; a failure is thrown so Hangfire retries it with its back-off.</summary>
    /// <param name="minutesId">The minutes.</param>
    /// <param name="ct">Hangfire's shutdown token.</param>
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(Guid minutesId, CancellationToken ct) => minutes.ProduceStoredPdfsAsync(minutesId, ct);

    /// <summary>Prints the PDFs of the draft the secretariat asked for; a failure is thrown so Hangfire retries it.</summary>
    /// <param name="minutesId">The minutes.</param>
    /// <param name="ct">Hangfire's shutdown token.</param>
    [AutomaticRetry(Attempts = 3)]
    public Task RunDraftAsync(Guid minutesId, CancellationToken ct) => minutes.ProduceDraftPdfsAsync(minutesId, ct);

    /// <summary>The recurring sweep for PDFs whose job was lost (in-memory job storage restarted) or ran out of retries.</summary>
    /// <param name="ct">Hangfire's shutdown token.</param>
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken ct) => minutes.ProducePendingPdfsAsync(ct);
}
