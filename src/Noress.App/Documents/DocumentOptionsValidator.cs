using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Noress.App.Documents;

/// <summary>Batched persistence acknowledges edits before they are stored: for replays and benchmarks, never in Production.</summary>
internal sealed class DocumentOptionsValidator(IHostEnvironment environment) : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options) =>
        environment.IsProduction() && options.Persistence == DocumentPersistenceMode.Batched
            ? ValidateOptionsResult.Fail(
                "Documents:Persistence is Batched, which acknowledges edits before they are stored and is meant for benchmarks only: " +
                "remove the setting (or set Immediate) in Production.")
            : ValidateOptionsResult.Success;
}
