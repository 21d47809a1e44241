using System.Runtime.CompilerServices;
using Bunit;

namespace Noress.Tests.Infrastructure;

/// <summary>
/// Runs once when the test assembly loads. On a 2-core CI machine the thread pool starts with two workers; tests that
/// block one in a synchronous <c>WaitFor*</c> while the trace replays keep the others busy left bUnit's dispatcher no
/// thread to run the check on (a failure of the machine, not of the component).
/// </summary>
internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void RaiseThreadPoolMinimumAndWaitTimeout()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
        // How long a WaitFor* may wait before it fails, not how fast the component must be: a loaded machine gets time.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
