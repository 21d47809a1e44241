using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Noress.Testing;

/// <summary>
/// Stands in for Hangfire's client: records what the app enqueues so a test sees the job was asked for, then runs
/// it when the test says (no polling, no waiting on Hangfire's workers).
/// </summary>
public sealed class RecordedJobs : IBackgroundJobClient
{
    private readonly ConcurrentQueue<Job> pending = new();
    private readonly ConcurrentQueue<Job> all = new();

    /// <summary>Every job enqueued so far, run or not.</summary>
    public IReadOnlyList<Job> Enqueued => [.. all];

    /// <summary>Jobs enqueued and not run yet.</summary>
    public IReadOnlyList<Job> Pending => [.. pending];

    public string Create(Job job, IState state)
    {
        pending.Enqueue(job);
        all.Enqueue(job);
        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;

    /// <summary>Runs each pending job once, oldest first, each in a scope of its own (as Hangfire's activator does); returns how many ran.</summary>
    public async Task<int> RunPendingAsync(IServiceProvider services)
    {
        var count = 0;
        while (pending.TryDequeue(out var job))
        {
            await RunAsync(services, job);
            count++;
        }

        return count;
    }

    /// <summary>Runs one job again, as a Hangfire retry or a second worker would.</summary>
    public static async Task RunAsync(IServiceProvider services, Job job)
    {
        await using var scope = services.CreateAsyncScope();
        var target = scope.ServiceProvider.GetRequiredService(job.Type);
        if (job.Method.Invoke(target, [.. job.Args]) is Task task)
        {
            await task;
        }
    }
}
