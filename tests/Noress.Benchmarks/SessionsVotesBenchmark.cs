extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Data;
using Noress.App.Members;
using Noress.App.Members.Mou;
using Noress.App.Notifications.Outbox;
using Noress.App.Sessions;
using Noress.App.Sessions.Attendance;
using Noress.App.Sessions.Rules;
using Noress.App.Sessions.Votes;
using Noress.App.Shared.Operations;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Time;

namespace Noress.Benchmarks;

/// <summary>
/// A plenary vote of 350 member institutions, as the live screens meet it. The app runs in this process (one node, or two
/// nodes on one database joined by Redis); every institution is in good standing, has a representative and is checked in.
/// The screens of NORESS are Blazor Server circuits, so they are simulated at the boundary a circuit has with the app: each
/// voter is a DI scope of a node holding its representative's principal, and a cast is <see cref="VoteService.CastAsync"/>
/// called in that scope; each screen follows <see cref="Topics.Session"/> on the node's <see cref="IEventBus"/>, shows the
/// participation count from the <see cref="VoteSignal"/> payload and, on the closed signal, reloads the vote with
/// <see cref="VoteService.GetAsync"/>. What a circuit adds on top (rendering the diff and sending it over its WebSocket) is
/// not included. Measured per vote: acceptance latency of every ballot (from its scheduled click to the service's answer),
/// the time until every screen shows the full count, the time from the close until every screen has the final tally, the
/// process's CPU and memory, and the count check (with concurrent duplicate submissions that must be refused).
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- sessions-votes [--provider sqlite|postgres] [--nodes 1|2]
///   [--ballot open,secret] [--voters 350] [--watchers 50] [--window 500] [--duplicates 35] [--runs 1]
/// PostgreSQL: NORESS_BENCH_POSTGRES (a server connection string; a throwaway database is created and dropped).
/// Two nodes: NORESS_BENCH_REDIS (host:port of a Redis server). NORESS_BENCH_POSTGRES_PID (the postmaster's pid) adds the
/// database server's CPU.
/// </summary>
internal static class SessionsVotesBenchmark
{
    private const string Question = "Adopter le plan d'action 2027 ?";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new Settings(
            Bench.Provider(args),
            int.Parse(Bench.Option(args, "--nodes", "1"), CultureInfo.InvariantCulture),
            [.. Bench.Option(args, "--ballot", "open,secret").Split(',').Select(b => Enum.Parse<BallotKind>(b, ignoreCase: true))],
            int.Parse(Bench.Option(args, "--voters", "350"), CultureInfo.InvariantCulture),
            int.Parse(Bench.Option(args, "--watchers", "50"), CultureInfo.InvariantCulture),
            int.Parse(Bench.Option(args, "--window", "500"), CultureInfo.InvariantCulture),
            int.Parse(Bench.Option(args, "--duplicates", "35"), CultureInfo.InvariantCulture));
        var runs = int.Parse(Bench.Option(args, "--runs", "1"), CultureInfo.InvariantCulture);
        if (settings.Nodes is < 1 or > 2)
        {
            throw new ArgumentException("--nodes is 1 or 2.");
        }

        Bench.FindContentRoot();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sessions votes: {settings.Provider}, {settings.Nodes} node(s), {settings.Voters} voters casting within {settings.Window} ms, {settings.Watchers} more screens, {settings.Duplicates} concurrent duplicates, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));
        var ok = true;
        var rows = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            await using var stage = await Stage.StartAsync(settings);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: set up in {stage.SetUpSeconds:F1} s (seed, session, {settings.Voters} check-ins, {stage.Screens.Count} screens)"));

            // A first vote of the same shape warms the JIT, EF's query cache and the pools; it is checked, not reported.
            var warmUp = await stage.VoteAsync(settings.Ballots[0]);
            ok &= warmUp.CountsOk;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: warm-up vote p99 {warmUp.Percentile(99):F0} ms, counts {(warmUp.CountsOk ? "ok" : "WRONG")}"));
            foreach (var ballot in settings.Ballots)
            {
                var result = await stage.VoteAsync(ballot);
                ok &= result.CountsOk;
                rows.Add(result.Row(run, settings, stage.LoadAverage()));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| run | database | nodes | ballot | accepted | p50 ms | p95 ms | p99 ms | max ms | last ballot → 350 on every screen, ms | close → final tally on every screen, ms (close call) | CPU s (% of one core) | DB server CPU s | working set MB (peak) | GC heap MB | counts (participations / ballots / stored, lost, duplicated) | duplicates refused | load |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return ok ? 0 : 1;
    }

    private sealed record Settings(DatabaseProvider Provider, int Nodes, BallotKind[] Ballots, int Voters, int Watchers, int Window, int Duplicates);

    /// <summary>The database, the nodes, the session with every institution checked in, and the connected screens.</summary>
    private sealed class Stage : IAsyncDisposable
    {
        private readonly Settings settings;
        private readonly BenchDatabase database;
        private readonly List<BenchNode> nodes = [];
        private readonly List<Voter> voters = [];
        private ClaimsPrincipal secretariat = new();
        private Guid sessionId;
        private int votes;

        private Stage(Settings settings, BenchDatabase database)
        {
            this.settings = settings;
            this.database = database;
        }

        public List<Screen> Screens { get; } = [];

        public double SetUpSeconds { get; private set; }

        public static async Task<Stage> StartAsync(Settings settings)
        {
            var watch = Stopwatch.StartNew();
            var stage = new Stage(settings, BenchDatabase.Create(settings.Provider));
            var channel = $"noress-bench-{Guid.NewGuid():N}";
            for (var n = 0; n < settings.Nodes; n++)
            {
                var node = new BenchNode(stage.database, settings.Nodes > 1 ? channel : null);
                stage.nodes.Add(node);
                // Starting a node migrates and seeds the demo data; the second finds it done.
                _ = node.Services;
            }

            await stage.PrepareAsync();
            stage.SetUpSeconds = watch.Elapsed.TotalSeconds;
            return stage;
        }

        public string LoadAverage() => Bench.LoadAverage();

        private IServiceProvider First => nodes[0].Services;

        /// <summary>
        /// Brings the membership to <see cref="Settings.Voters"/> institutions in good standing, each with a titular
        /// representative, then opens a plenary through the services, checks everyone in and connects the screens.
        /// </summary>
        private async Task PrepareAsync()
        {
            var principals = await SeedInstitutionsAsync();
            secretariat = await PrincipalAsync("secretariat@noress.demo");
            var start = DateTime.UtcNow.AddHours(1);
            sessionId = Ok(await WithAsync<SessionService>(s => s.CreateAsync(secretariat,
                new SessionInput(SessionBody.Plenary, null, "Assemblée générale (benchmark)", "Tanger", start, start.AddMinutes(59)), default)));
            Ok(await WithAsync<SessionService>(s => s.AddAgendaItemAsync(secretariat, sessionId, AgendaItemKind.Deliberation, "Plan d'action 2027", 30, default)));
            Ok(await WithAsync<SessionService>(s => s.ConveneAsync(secretariat, sessionId, default)));
            Ok(await WithAsync<SessionService>(s => s.OpenAsync(secretariat, sessionId, default)));
            foreach (var institution in principals.Keys)
            {
                Ok(await WithAsync<AttendanceService>(s => s.CheckInAsync(secretariat, sessionId, institution, default)));
            }

            // The convocations (one e-mail per representative) go out now, not in the middle of a measured vote.
            await using (var scope = First.CreateAsyncScope())
            {
                var outbox = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
                while (await outbox.ProcessDueAsync() > 0)
                {
                }
            }

            // Each representative's circuit on one node (alternately), its own screen in the same scope; the other
            // screens (console, projector, observers) split across the nodes.
            var index = 0;
            foreach (var (institution, principal) in principals)
            {
                var node = nodes[index % nodes.Count];
                var scope = node.Services.CreateAsyncScope();
                var screen = new Screen(Screens.Count, scope.ServiceProvider, principal, sessionId);
                Screens.Add(screen);
                voters.Add(new Voter(institution, principal, scope, scope.ServiceProvider.GetRequiredService<VoteService>(), index % nodes.Count, screen));
                index++;
            }

            for (var i = 0; i < settings.Watchers; i++)
            {
                var scope = nodes[i % nodes.Count].Services.CreateAsyncScope();
                Screens.Add(new Screen(Screens.Count, scope.ServiceProvider, secretariat, sessionId, scope));
            }
        }

        private async Task<Dictionary<Guid, ClaimsPrincipal>> SeedInstitutionsAsync()
        {
            var today = NoressClock.Today(TimeProvider.System);
            var now = DateTime.UtcNow;
            var dbFactory = First.GetRequiredService<IDbContextFactory<NoressDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync();
            var institutions = await db.Institutions.OrderBy(i => i.Acronym).ToListAsync();
            for (var i = institutions.Count + 1; i <= settings.Voters; i++)
            {
                var institution = new Institution
                {
                    Acronym = string.Create(CultureInfo.InvariantCulture, $"BENCH{i:D3}"),
                    NameFr = string.Create(CultureInfo.InvariantCulture, $"Institution membre n° {i}"),
                    NameAr = string.Create(CultureInfo.InvariantCulture, $"المؤسسة العضو رقم {i}"),
                    City = "Tanger",
                    MemberSince = now.AddYears(-2),
                    CreatedAt = now,
                };
                db.Institutions.Add(institution);
                institutions.Add(institution);
            }

            institutions = institutions.Take(settings.Voters).ToList();
            var signatures = await db.Set<MouSignature>().ToListAsync();
            var principals = new Dictionary<Guid, ClaimsPrincipal>();
            foreach (var institution in institutions)
            {
                (institution.Status, institution.SuspendedOn, institution.WithdrawnOn) = (MembershipStatus.Active, null, null);
                var signature = signatures.SingleOrDefault(s => s.InstitutionId == institution.Id);
                if (signature is null)
                {
                    signature = new MouSignature { InstitutionId = institution.Id };
                    db.Add(signature);
                }

                (signature.Status, signature.SignedOn, signature.CountersignedOn, signature.ExpiresOn) = (MouStatus.Countersigned, today.AddYears(-1), today.AddYears(-1), today.AddYears(2));
                var email = $"rep.{institution.Acronym.ToLowerInvariant()}@bench.test";
                var user = new NoressUser
                {
                    Id = Guid.NewGuid(),
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    FullName = $"Représentant {institution.Acronym}",
                    InstitutionId = institution.Id,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    CreatedAt = now,
                };
                db.Users.Add(user);
                // Later than the demo's mandates, so the resolver names this person titular.
                db.Add(new RepresentativeMandate { InstitutionId = institution.Id, UserId = user.Id, Role = RepresentativeRole.Titular, StartsOn = today.AddDays(-10), CreatedAt = now });
                principals[institution.Id] = Bench.Principal(user.Id, email, Roles.Member);
            }

            await db.SaveChangesAsync();
            return principals;
        }

        /// <summary>
        /// One vote: opened by the secretariat, every voter casts once at a random instant of the window (some also a
        /// concurrent duplicate from a second scope, on the other node when there are two), the screens follow, then the
        /// secretariat closes it and the screens reload the result.
        /// </summary>
        public async Task<VoteResult> VoteAsync(BallotKind ballot)
        {
            var voteId = Ok(await WithAsync<VoteService>(v => v.OpenAsync(secretariat, sessionId, null, Question, ballot, default)));
            var round = new Round(voteId, voters.Count, Screens.Count);
            Screens.ForEach(s => s.Follow(round));
            var random = new Random(2026 + votes++);
            var choices = voters.Select((_, i) => (VoteChoice)(i % 3)).ToArray();
            var offsets = voters.Select(_ => random.NextDouble() * settings.Window).ToArray();
            var duplicateOf = Enumerable.Range(0, settings.Duplicates).Select(i => i * voters.Count / Math.Max(1, settings.Duplicates)).ToArray();
            await using var duplicateScopes = new ScopeList();
            var duplicates = duplicateOf.Select(i => (Voter: i, Votes: duplicateScopes.Add(nodes[(voters[i].Node + 1) % nodes.Count].Services).GetRequiredService<VoteService>())).ToArray();

            var sampler = new Sampler();
            var sampling = sampler.RunAsync();
            var cpuBefore = Sampler.Cpu();
            var dbCpuBefore = Sampler.DatabaseCpu();
            var begin = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20;
            var casts = voters.Select((v, i) => CastAtAsync(v.Votes, v.Principal, voteId, v.Institution, choices[i], begin, offsets[i], i));
            var duplicateCasts = duplicates.Select(d => CastAtAsync(d.Votes, voters[d.Voter].Principal, voteId, voters[d.Voter].Institution, choices[d.Voter], begin, offsets[d.Voter] + random.NextDouble() * 2, d.Voter));
            var outcomes = await Task.WhenAll(casts.Concat(duplicateCasts));
            var lastAccepted = outcomes.Where(o => o.Accepted).Select(o => o.At).DefaultIfEmpty(begin).Max();
            var sawAll = await Bench.WithinAsync(round.AllSawCount.Task, TimeSpan.FromSeconds(60));
            var cpuCast = Sampler.Cpu() - cpuBefore;
            var castSeconds = Bench.Milliseconds(begin, Stopwatch.GetTimestamp()) / 1000;

            var closeStart = Stopwatch.GetTimestamp();
            Ok(await WithAsync<VoteService>(v => v.CloseAsync(secretariat, voteId, default)));
            var closeEnd = Stopwatch.GetTimestamp();
            var sawTally = await Bench.WithinAsync(round.AllSawTally.Task, TimeSpan.FromSeconds(60));
            var end = Stopwatch.GetTimestamp();
            var cpu = Sampler.Cpu() - cpuBefore;
            var dbCpu = Sampler.DatabaseCpu() - dbCpuBefore;
            await sampler.StopAsync(sampling);
            Screens.ForEach(s => s.Follow(null));

            var expected = (choices.Count(c => c == VoteChoice.For), choices.Count(c => c == VoteChoice.Against), choices.Count(c => c == VoteChoice.Abstain));
            var counts = await CountAsync(voteId, ballot, choices);
            return new VoteResult(
                ballot,
                [.. outcomes.Where(o => o.Accepted).Select(o => Bench.Milliseconds(begin, o.At) - o.Offset).Order()],
                outcomes.Count(o => o.Accepted),
                outcomes.Count(o => o.Refusal == "Error.AlreadyVoted"),
                outcomes.Where(o => !o.Accepted && o.Refusal != "Error.AlreadyVoted").Select(o => o.Refusal ?? "?").ToList(),
                duplicates.Length,
                voters.Select((v, i) => outcomes.Count(o => o.Accepted && o.Voter == i)).ToArray(),
                sawAll ? Bench.Milliseconds(lastAccepted, round.SawCountAt.Max()) : double.NaN,
                round.SawCountAt.Count(t => t == 0),
                sawTally ? Bench.Milliseconds(closeStart, round.SawTallyAt.Max()) : double.NaN,
                Bench.Milliseconds(closeStart, closeEnd),
                round.Tallies.All(t => t == expected),
                counts,
                expected,
                cpuCast,
                castSeconds,
                cpu,
                Bench.Milliseconds(begin, end) / 1000,
                dbCpu,
                sampler.PeakWorkingSet,
                Sampler.WorkingSet(),
                GC.GetTotalMemory(false));
        }

        private static async Task<Cast> CastAtAsync(VoteService votes, ClaimsPrincipal principal, Guid voteId, Guid institution, VoteChoice choice, long begin, double offset, int voter)
        {
            var due = begin + (long)(offset * Stopwatch.Frequency / 1000);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }

            // Latency counts from the scheduled click, so a late start (a busy thread pool) is part of it.
            var result = await votes.CastAsync(principal, voteId, institution, choice, default);
            var at = Stopwatch.GetTimestamp();
            return new Cast(voter, offset, at, result.Succeeded, result.Refusal?.Code);
        }

        private async Task<Counts> CountAsync(Guid voteId, BallotKind ballot, VoteChoice[] choices)
        {
            await using var db = await First.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
            var vote = await db.Set<Vote>().AsNoTracking().SingleAsync(v => v.Id == voteId);
            if (ballot == BallotKind.Secret)
            {
                var participations = await db.Set<VoteParticipation>().Where(p => p.VoteId == voteId).Select(p => p.InstitutionId).ToListAsync();
                var ballots = await db.Set<SecretBallot>().CountAsync(b => b.VoteId == voteId);
                return new Counts(vote.Participations, participations.Count, ballots, participations.Distinct().Count(), voters.Count(v => !participations.Contains(v.Institution)), true);
            }

            var stored = await db.Set<OpenVoteChoice>().Where(c => c.VoteId == voteId).Select(c => new { c.InstitutionId, c.Choice }).ToListAsync();
            var asCast = voters.Select((v, i) => (v.Institution, Choice: choices[i])).ToHashSet();
            return new Counts(vote.Participations, stored.Count, stored.Count, stored.Select(s => s.InstitutionId).Distinct().Count(),
                voters.Count(v => stored.All(s => s.InstitutionId != v.Institution)), stored.All(s => asCast.Contains((s.InstitutionId, s.Choice))));
        }

        private async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
            where TService : notnull
        {
            await using var scope = First.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<TService>());
        }

        private Task<Outcome<Guid>> WithAsync<TService>(Func<TService, Task<Outcome<Guid>>> action)
            where TService : notnull => WithAsync<TService, Outcome<Guid>>(action);

        private async Task<ClaimsPrincipal> PrincipalAsync(string email)
        {
            await using var scope = First.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
            return Bench.Principal(user.Id, email, [.. await users.GetRolesAsync(user)]);
        }

        private static Guid Ok(Outcome<Guid> result) =>
            result.Succeeded ? result.Value : throw new InvalidOperationException($"Refused: {result.Error}");

        public async ValueTask DisposeAsync()
        {
            foreach (var screen in Screens)
            {
                await screen.DisposeAsync();
            }

            foreach (var voter in voters)
            {
                await voter.Scope.DisposeAsync();
            }

            for (var i = nodes.Count - 1; i >= 0; i--)
            {
                await nodes[i].DisposeAsync();
            }

            database.Drop();
        }
    }

    private sealed record Voter(Guid Institution, ClaimsPrincipal Principal, AsyncServiceScope Scope, VoteService Votes, int Node, Screen Screen);

    private sealed record Cast(int Voter, double Offset, long At, bool Accepted, string? Refusal);

    private sealed record Counts(int Participations, int Stored, int Ballots, int DistinctInstitutions, int Lost, bool ChoicesAsCast);

    /// <summary>What the screens saw of one vote: when each first showed the full count, when each had the final tally.</summary>
    private sealed class Round(Guid voteId, int expected, int screens)
    {
        private int sawCount;
        private int sawTally;

        public Guid VoteId { get; } = voteId;

        public int Expected { get; } = expected;

        public long[] SawCountAt { get; } = new long[screens];

        public long[] SawTallyAt { get; } = new long[screens];

        public (int, int, int)[] Tallies { get; } = new (int, int, int)[screens];

        public TaskCompletionSource AllSawCount { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource AllSawTally { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SawCount(int screen)
        {
            if (Interlocked.CompareExchange(ref SawCountAt[screen], Stopwatch.GetTimestamp(), 0) == 0 && Interlocked.Increment(ref sawCount) == SawCountAt.Length)
            {
                AllSawCount.TrySetResult();
            }
        }

        public void SawTally(int screen, (int, int, int) tally)
        {
            Tallies[screen] = tally;
            if (Interlocked.CompareExchange(ref SawTallyAt[screen], Stopwatch.GetTimestamp(), 0) == 0 && Interlocked.Increment(ref sawTally) == SawTallyAt.Length)
            {
                AllSawTally.TrySetResult();
            }
        }
    }

    /// <summary>
    /// One live screen of the session, as a circuit's component follows it: subscribed to the session's topic on its node's
    /// bus, it shows the participation count carried by each vote signal, and on the closed signal reloads the vote (the
    /// result is not in the signal) through its own scope's <see cref="VoteService"/>, at once (a <see cref="TopicFollower"/>
    /// with its default delay would add 750 ms).
    /// </summary>
    private sealed class Screen : IAsyncDisposable
    {
        private readonly int index;
        private readonly VoteService votes;
        private readonly ClaimsPrincipal user;
        private readonly IDisposable subscription;
        private readonly AsyncServiceScope? ownScope;
        private Round? round;
        private int shown;
        private int reloading;

        public Screen(int index, IServiceProvider services, ClaimsPrincipal user, Guid sessionId, AsyncServiceScope? ownScope = null)
        {
            this.index = index;
            votes = services.GetRequiredService<VoteService>();
            this.user = user;
            this.ownScope = ownScope;
            subscription = services.GetRequiredService<IEventBus>().Subscribe(Topics.Session(sessionId), OnEventAsync);
        }

        public void Follow(Round? next)
        {
            shown = 0;
            reloading = 0;
            Volatile.Write(ref round, next);
        }

        private Task OnEventAsync(BusEvent message)
        {
            if (message.Kind != SessionEvents.Vote || Volatile.Read(ref round) is not { } current || VoteSignal.Parse(message.Payload) is not { } signal || signal.VoteId != current.VoteId)
            {
                return Task.CompletedTask;
            }

            if (signal.State == VoteState.Open)
            {
                // Signals may overtake each other (two nodes, concurrent publishers): the screen keeps the highest count.
                int seen;
                do
                {
                    seen = Volatile.Read(ref shown);
                }
                while (signal.Participations > seen && Interlocked.CompareExchange(ref shown, signal.Participations, seen) != seen);
                if (signal.Participations >= current.Expected)
                {
                    current.SawCount(index);
                }
            }
            else if (Interlocked.Exchange(ref reloading, 1) == 0)
            {
                _ = ReloadAsync(current);
            }

            return Task.CompletedTask;
        }

        private async Task ReloadAsync(Round current)
        {
            await Task.Yield();
            var view = await votes.GetAsync(user, current.VoteId, default);
            if (view?.Vote is { State: VoteState.Closed, For: { } yes, Against: { } no, Abstain: { } abstain })
            {
                current.SawTally(index, (yes, no, abstain));
            }
        }

        public async ValueTask DisposeAsync()
        {
            subscription.Dispose();
            if (ownScope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private sealed class ScopeList : IAsyncDisposable
    {
        private readonly List<AsyncServiceScope> scopes = [];

        public IServiceProvider Add(IServiceProvider services)
        {
            var scope = services.CreateAsyncScope();
            scopes.Add(scope);
            return scope.ServiceProvider;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private sealed record VoteResult(
        BallotKind Ballot,
        double[] Latencies,
        int Accepted,
        int RefusedAsDuplicate,
        List<string> OtherRefusals,
        int DuplicatesSent,
        int[] AcceptedPerVoter,
        double LastBallotToAllScreensMs,
        int ScreensMissingCount,
        double CloseToAllTalliesMs,
        double CloseCallMs,
        bool TalliesRight,
        Counts Counts,
        (int For, int Against, int Abstain) Expected,
        double CastCpuSeconds,
        double CastSeconds,
        double CpuSeconds,
        double Seconds,
        double DatabaseCpuSeconds,
        long PeakWorkingSet,
        long WorkingSet,
        long GcHeap)
    {
        public bool CountsOk =>
            Accepted == AcceptedPerVoter.Length && AcceptedPerVoter.All(a => a == 1) && OtherRefusals.Count == 0
            && RefusedAsDuplicate == DuplicatesSent && Counts.Participations == AcceptedPerVoter.Length
            && Counts.Stored == Counts.Participations && Counts.Ballots == Counts.Participations
            && Counts.DistinctInstitutions == Counts.Stored && Counts.Lost == 0 && Counts.ChoicesAsCast && TalliesRight
            && ScreensMissingCount == 0 && !double.IsNaN(CloseToAllTalliesMs);

        public double Percentile(double percent) =>
            Latencies.Length == 0 ? double.NaN : Latencies[Math.Clamp((int)Math.Ceiling(Latencies.Length * percent / 100) - 1, 0, Latencies.Length - 1)];

        public string Row(int run, Settings settings, string load) => string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {settings.Provider} | {settings.Nodes} | {Ballot} | {Accepted} | {Percentile(50):F1} | {Percentile(95):F1} | {Percentile(99):F1} | {Latencies.LastOrDefault():F1} " +
            $"| {LastBallotToAllScreensMs:F1}{(ScreensMissingCount > 0 ? $" ({ScreensMissingCount} screens never)" : string.Empty)} | {CloseToAllTalliesMs:F1} ({CloseCallMs:F1}) " +
            $"| {CpuSeconds:F2} ({CpuSeconds / Seconds * 100:F0} %; casting {CastCpuSeconds:F2} in {CastSeconds:F2} s) | {(double.IsNaN(DatabaseCpuSeconds) ? "-" : DatabaseCpuSeconds.ToString("F2", CultureInfo.InvariantCulture))} " +
            $"| {WorkingSet / 1048576.0:F0} ({PeakWorkingSet / 1048576.0:F0}) | {GcHeap / 1048576.0:F0} " +
            $"| {Counts.Participations} / {Counts.Ballots} / {Counts.Stored}, {Counts.Lost} lost, {Counts.Stored - Counts.DistinctInstitutions + AcceptedPerVoter.Count(a => a > 1)} duplicated{(Counts.ChoicesAsCast ? string.Empty : ", CHOICES DIFFER")}{(TalliesRight ? string.Empty : ", TALLY WRONG ON A SCREEN")}{(OtherRefusals.Count > 0 ? $", {OtherRefusals.Count} other refusals ({string.Join(", ", OtherRefusals.Distinct())})" : string.Empty)} " +
            $"| {RefusedAsDuplicate} of {DuplicatesSent} | {load} |");
    }
}
