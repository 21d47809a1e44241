using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;
using Noress.App.Calls;
using Noress.App.Calls.Review;
using Noress.App.Data;

namespace Noress.Benchmarks;

/// <summary>
/// The last hour before a call's deadline (issue 12's benchmark), compressed to its busiest stretch: the app runs in this
/// process on a competition open to outside initiatives; 500 applicants autosave their drafts every 10 s
/// (<see cref="ApplicationService.SaveAsync"/>, in a DI scope each, as a circuit's autosave does), 100 of them submit in
/// the last minute before the deadline (<see cref="ApplicationService.SubmitAsync"/>) and 10 more try just after it,
/// while 20 jurors save score sheets every 3 s on another call's entries (<see cref="ScoreSheetService.SaveAsync"/>).
/// The clock is the real one and the deadline falls inside the run. Measured: submission and save latency (p50/p95/p99,
/// from the scheduled click to the service's answer), the process's CPU (and the database server's when given), and the
/// check: every accepted submission stored as submitted before the deadline, none lost, every late one refused.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- calls-deadline [--provider sqlite|postgres]
///   [--applicants 500] [--submitters 100] [--late 10] [--jurors 20] [--save-every 10] [--minutes 1]
/// PostgreSQL: NORESS_BENCH_POSTGRES (a server connection string; a throwaway database is created and dropped);
/// NORESS_BENCH_POSTGRES_PID (the postmaster's pid) adds the database server's CPU.
/// </summary>
internal static class CallsDeadlineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Bench.Provider(args);
        var settings = new Settings(
            provider,
            Int(args, "--applicants", 500),
            Int(args, "--submitters", 100),
            Int(args, "--late", 10),
            Int(args, "--jurors", 20),
            TimeSpan.FromSeconds(Int(args, "--save-every", 10)),
            TimeSpan.FromMinutes(double.Parse(Bench.Option(args, "--minutes", "1"), CultureInfo.InvariantCulture)));
        if (settings.Submitters + settings.Late > settings.Applicants)
        {
            throw new ArgumentException("--submitters plus --late is at most --applicants.");
        }

        Bench.FindContentRoot();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Calls deadline: {settings.Provider}, {settings.Applicants} applicants saving every {settings.SaveEvery.TotalSeconds:F0} s for {settings.Before.TotalMinutes:F1} min before the deadline, {settings.Submitters} submitting in the last minute, {settings.Late} just after, {settings.Jurors} jurors scoring, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, load {Bench.LoadAverage()}"));
        var database = BenchDatabase.Create(settings.Provider);
        try
        {
            await using var node = new BenchNode(database, null);
            var watch = Stopwatch.StartNew();
            _ = node.Services;
            var stage = await Stage.PrepareAsync(node.Services, settings);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"set up in {watch.Elapsed.TotalSeconds:F1} s (seed, {settings.Applicants} drafts, {settings.Jurors} jurors)"));
            var result = await stage.RunAsync();
            Console.WriteLine();
            Console.WriteLine("| database | operation | count | refused | p50 ms | p95 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            Console.WriteLine(result.Row(settings, "submission (before the deadline)", result.Submissions, result.SubmissionsRefused));
            Console.WriteLine(result.Row(settings, "draft save", result.Saves, result.SavesRefused));
            Console.WriteLine(result.Row(settings, "score sheet save", result.Scores, result.ScoresRefused));
            Console.WriteLine(result.Row(settings, "submission, service time only (from its call)", result.SubmissionService, []));
            Console.WriteLine(result.Row(settings, "draft save, service time only (from its call)", result.SaveService, []));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU {result.CpuSeconds:F1} s over {result.WallSeconds:F1} s ({100 * result.CpuSeconds / result.WallSeconds:F0} % of one core), DB server CPU {result.DatabaseCpuSeconds:F1} s, load {Bench.LoadAverage()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"check: accepted {result.Check.Accepted}, stored submitted {result.Check.StoredSubmitted}, lost {result.Check.Lost}, stored at or after the deadline {result.Check.StoredLate}, late attempts {settings.Late} refused {result.Check.LateRefused} (DeadlinePassed), saves begun after the deadline refused {result.Check.SavesAfterDeadlineRefused}, submissions clicked before the deadline but begun after it (queued by the machine) refused {result.QueuedPastDeadline}, other refusals {string.Join(", ", result.Check.OtherRefusals)}"));
            Console.WriteLine(result.Check.Ok ? "check: ok" : "check: WRONG");
            return result.Check.Ok ? 0 : 1;
        }
        finally
        {
            database.Drop();
        }
    }

    private static int Int(string[] args, string name, int fallback) => int.Parse(Bench.Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private sealed record Settings(DatabaseProvider Provider, int Applicants, int Submitters, int Late, int Jurors, TimeSpan SaveEvery, TimeSpan Before);

    private sealed record Applicant(ClaimsPrincipal User, Guid ApplicationId, Guid Version);

    private sealed record Juror(ClaimsPrincipal User, Guid[] Entries);

    private sealed class Stage(IServiceProvider services, Settings settings)
    {
        private readonly List<Applicant> applicants = [];
        private readonly List<Juror> jurors = [];
        private Guid callId;
        private Guid summaryField;
        private Guid amountField;
        private Guid[] criteria = [];

        public static async Task<Stage> PrepareAsync(IServiceProvider services, Settings settings)
        {
            var stage = new Stage(services, settings);
            await stage.PrepareAsync();
            return stage;
        }

        /// <summary>The call and its drafts, the other call's entries under evaluation and its jury: written directly (the services are measured, not the seeding).</summary>
        private async Task PrepareAsync()
        {
            var now = DateTime.UtcNow;
            await using var scope = services.CreateAsyncScope();
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
            var roles = await db.Roles.Where(r => r.Name == Roles.OutsideApplicant || r.Name == Roles.Member).ToDictionaryAsync(r => r.Name!, r => r.Id);
            var institution = await db.Institutions.Select(i => i.Id).FirstAsync();
            var edition = await db.Set<Call>().Where(c => c.Kind == CallKind.Competition).Select(c => (int?)c.Edition).MaxAsync() ?? 0;
            callId = Guid.NewGuid();
            var reviewed = Guid.NewGuid();
            foreach (var (id, deadline, number) in new[] { (callId, now.AddDays(1), 1), (reviewed, now.AddDays(-1), 2) })
            {
                db.Add(new Call
                {
                    Id = id,
                    Kind = CallKind.Competition,
                    Edition = edition + number,
                    TitleFr = $"Concours régional {edition + number}",
                    TitleAr = "المسابقة الجهوية",
                    PublicationAt = now.AddDays(-30),
                    OpensAt = now.AddDays(-30),
                    DeadlineAt = deadline,
                    EvaluationEndsAt = now.AddDays(20),
                    ResultsAt = now.AddDays(30),
                    OpenToOutsideInitiatives = true,
                    PublishedAt = now.AddDays(-30),
                    CreatedAt = now.AddDays(-31),
                    Version = Guid.NewGuid(),
                });
                db.Add(new CallPrize { CallId = id, Rank = 1, Amount = 50_000m });
                db.Add(new CallEligibility { CallId = id, Version = Guid.NewGuid() });
            }

            summaryField = Guid.NewGuid();
            amountField = Guid.NewGuid();
            db.Add(new CallFormField { Id = summaryField, CallId = callId, Position = 0, Kind = FormFieldKind.Text, LabelFr = "Résumé", LabelAr = "ملخص", Required = true, MaxLength = 4000, Version = Guid.NewGuid() });
            db.Add(new CallFormField { Id = amountField, CallId = callId, Position = 1, Kind = FormFieldKind.Amount, LabelFr = "Coût", LabelAr = "الكلفة", Required = true, MinAmount = 0m, Version = Guid.NewGuid() });
            criteria = [Guid.NewGuid(), Guid.NewGuid()];
            db.Add(new EvaluationCriterion { Id = criteria[0], CallId = reviewed, Position = 0, LabelFr = "Innovation", LabelAr = "الابتكار", Weight = 2m, ScaleMin = 0, ScaleMax = 10, Version = Guid.NewGuid() });
            db.Add(new EvaluationCriterion { Id = criteria[1], CallId = reviewed, Position = 1, LabelFr = "Impact", LabelAr = "الأثر", Weight = 1m, ScaleMin = 0, ScaleMax = 5, Version = Guid.NewGuid() });

            var entries = new List<Guid>();
            for (var i = 0; i < settings.Applicants; i++)
            {
                var user = User(db, $"initiative{i:D3}@bench.test", $"Initiative {i:D3}", null, roles[Roles.OutsideApplicant], now);
                var application = new CallApplication
                {
                    CallId = callId,
                    Number = i + 1,
                    ApplicantUserId = user,
                    Title = $"Initiative {i:D3}",
                    CreatedById = user,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = Guid.NewGuid(),
                };
                db.Add(application);
                applicants.Add(new Applicant(Bench.Principal(user, $"initiative{i:D3}@bench.test", Roles.OutsideApplicant), application.Id, application.Version));
                if (i < 2 * settings.Jurors)
                {
                    var entry = new CallApplication
                    {
                        CallId = reviewed,
                        Number = i + 1,
                        ApplicantUserId = user,
                        Title = $"Entrée {i:D3}",
                        State = ApplicationState.UnderEvaluation,
                        SubmittedAt = now.AddDays(-2),
                        CreatedAt = now.AddDays(-3),
                        UpdatedAt = now.AddDays(-2),
                        Version = Guid.NewGuid(),
                    };
                    db.Add(entry);
                    entries.Add(entry.Id);
                }
            }

            // Each juror reviews 6 entries (3 reviews per entry), declared free of conflict.
            for (var j = 0; j < settings.Jurors; j++)
            {
                var user = User(db, $"juror{j:D2}@bench.test", $"Juré {j:D2}", institution, roles[Roles.Member], now);
                db.Add(new CallJuror { CallId = reviewed, UserId = user, AddedAt = now });
                var mine = Enumerable.Range(0, 6).Select(k => entries[((j * 6) + k) % entries.Count]).Distinct().ToArray();
                foreach (var entry in mine)
                {
                    db.Add(new JurorAssignment { ApplicationId = entry, JurorId = user, AssignedAt = now });
                    db.Add(new ConflictDeclaration { ApplicationId = entry, JurorId = user, Kind = ConflictKind.NoneDeclared, At = now });
                }

                jurors.Add(new Juror(Bench.Principal(user, $"juror{j:D2}@bench.test", Roles.Member), mine));
            }

            await db.SaveChangesAsync();
            // The save stamps each row's version token: read them back, as a page loading the draft would.
            var versions = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId).ToDictionaryAsync(a => a.Id, a => a.Version);
            for (var i = 0; i < applicants.Count; i++)
            {
                applicants[i] = applicants[i] with { Version = versions[applicants[i].ApplicationId] };
            }

            await db.DisposeAsync();
        }

        private static Guid User(NoressDbContext db, string email, string name, Guid? institution, Guid role, DateTime now)
        {
            var user = new NoressUser
            {
                Id = Guid.NewGuid(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = name,
                InstitutionId = institution,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
            return user.Id;
        }

        /// <summary>Sets the deadline <see cref="Settings.Before"/> from now, runs every applicant and juror until a little after it, then checks the stored rows.</summary>
        public async Task<Result> RunAsync()
        {
            var start = DateTime.UtcNow;
            var deadline = start + settings.Before;
            var end = deadline + TimeSpan.FromSeconds(8);
            await using (var scope = services.CreateAsyncScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
                await db.Set<Call>().Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DeadlineAt, deadline));
            }

            var result = new Result();
            var clock = Stopwatch.StartNew();
            var cpu = Sampler.Cpu();
            var dbCpu = Sampler.DatabaseCpu();
            var random = new Random(2026);
            var tasks = new List<Task>();
            for (var i = 0; i < applicants.Count; i++)
            {
                // The first 100 submit in the last minute (not in its last half-second), the next 10 within 5 s after the deadline.
                DateTime? submitAt = i < settings.Submitters ? deadline - TimeSpan.FromMilliseconds(500 + (random.NextDouble() * 59_500))
                    : i < settings.Submitters + settings.Late ? deadline + TimeSpan.FromMilliseconds(random.NextDouble() * 5_000)
                    : null;
                // Never before the applicant's first save: a draft with nothing in it would be refused for its required fields.
                var firstSave = start + (settings.SaveEvery * random.NextDouble());
                if (submitAt < firstSave)
                {
                    submitAt = firstSave + TimeSpan.FromMilliseconds(1);
                }

                tasks.Add(ApplicantAsync(applicants[i], i, firstSave, submitAt, deadline, end, i >= settings.Submitters, result));
            }

            tasks.AddRange(jurors.Select((j, n) => JurorAsync(j, start + TimeSpan.FromMilliseconds(n * 150), end, result)));
            await Task.WhenAll(tasks);
            result.WallSeconds = clock.Elapsed.TotalSeconds;
            result.CpuSeconds = Sampler.Cpu() - cpu;
            result.DatabaseCpuSeconds = Sampler.DatabaseCpu() - dbCpu;
            result.Check = await CheckAsync(deadline, result);
            return result;
        }

        private async Task ApplicantAsync(Applicant applicant, int index, DateTime firstSave, DateTime? submitAt, DateTime deadline, DateTime end, bool late, Result result)
        {
            var version = applicant.Version;
            var nextSave = firstSave;
            var saves = 0;
            while (true)
            {
                var submitNow = submitAt is { } s && s <= nextSave;
                var at = submitNow ? submitAt!.Value : nextSave;
                if (at >= end)
                {
                    return;
                }

                await WaitUntilAsync(at);
                await using var scope = services.CreateAsyncScope();
                var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
                if (submitNow)
                {
                    // The service reads the clock synchronously when called: this is the instant it judges the submission on.
                    var called = DateTime.UtcNow;
                    var outcome = await applications.SubmitAsync(applicant.User, applicant.ApplicationId, version, CancellationToken.None);
                    var ms = (DateTime.UtcNow - at).TotalMilliseconds;
                    result.SubmissionService.Add((DateTime.UtcNow - called).TotalMilliseconds);
                    if (late)
                    {
                        result.Late.Add((applicant.ApplicationId, outcome.Succeeded, outcome.Refusal?.Code));
                    }
                    else
                    {
                        (outcome.Succeeded ? result.Submissions : result.SubmissionsRefused).Add(ms);
                        if (outcome.Succeeded)
                        {
                            result.Accepted.Add(applicant.ApplicationId);
                        }
                        else if (called >= deadline && outcome.Refusal?.Code == "Error.DeadlinePassed")
                        {
                            // Clicked before the deadline, but the loaded machine began it after: refused by the rule, told so.
                            result.CountQueuedPastDeadline();
                        }
                        else
                        {
                            result.Other.Add($"submit {outcome.Refusal?.Code}");
                        }
                    }

                    return;
                }

                var draft = new ApplicationDraft
                {
                    Title = $"Initiative {index:D3}",
                    Answers =
                    {
                        [summaryField] = new AnswerInput { Text = $"Une coopérative de transformation, version {++saves} : {new string('x', 400)}" },
                        [amountField] = new AnswerInput { Amount = 10_000m + saves },
                    },
                };
                var began = DateTime.UtcNow;
                var saved = await applications.SaveAsync(applicant.User, applicant.ApplicationId, draft, version, CancellationToken.None);
                var elapsed = (DateTime.UtcNow - at).TotalMilliseconds;
                result.SaveService.Add((DateTime.UtcNow - began).TotalMilliseconds);
                if (saved.Succeeded)
                {
                    version = saved.Value;
                    result.Saves.Add(elapsed);
                }
                else if (began >= deadline && saved.Refusal?.Code == "Error.DeadlinePassed")
                {
                    result.CountSaveAfterDeadline();
                }
                else
                {
                    result.SavesRefused.Add(elapsed);
                    result.Other.Add($"save {saved.Refusal?.Code}");
                }

                nextSave += settings.SaveEvery;
            }
        }

        private async Task JurorAsync(Juror juror, DateTime first, DateTime end, Result result)
        {
            var versions = juror.Entries.ToDictionary(e => e, _ => Guid.Empty);
            var at = first;
            for (var round = 0; at < end; round++, at += TimeSpan.FromSeconds(3))
            {
                await WaitUntilAsync(at);
                var entry = juror.Entries[round % juror.Entries.Length];
                await using var scope = services.CreateAsyncScope();
                var sheets = scope.ServiceProvider.GetRequiredService<ScoreSheetService>();
                var outcome = await sheets.SaveAsync(juror.User, entry, versions[entry],
                    [new CriterionScore(criteria[0], round % 11, null), new CriterionScore(criteria[1], round % 6, "Solide")], $"Tour {round}", submit: false, CancellationToken.None);
                var ms = (DateTime.UtcNow - at).TotalMilliseconds;
                if (outcome.Succeeded)
                {
                    versions[entry] = outcome.Value;
                    result.Scores.Add(ms);
                }
                else
                {
                    result.ScoresRefused.Add(ms);
                    result.Other.Add($"score {outcome.Refusal?.Code}");
                }
            }
        }

        private static async Task WaitUntilAsync(DateTime at)
        {
            var wait = at - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        private async Task<Check> CheckAsync(DateTime deadline, Result result)
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<NoressDbContext>>().CreateDbContextAsync();
            var stored = await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId && a.State == ApplicationState.Submitted)
                .Select(a => new { a.Id, a.SubmittedAt }).ToListAsync();
            var accepted = result.Accepted.ToHashSet();
            var lateIds = result.Late.Select(l => l.Id).ToHashSet();
            return new Check(
                accepted.Count,
                stored.Count,
                accepted.Count(id => stored.All(s => s.Id != id)),
                stored.Count(s => s.SubmittedAt >= deadline),
                result.Late.Count(l => !l.Accepted && l.Code == "Error.DeadlinePassed"),
                stored.Count(s => lateIds.Contains(s.Id)),
                result.SavesAfterDeadlineRefused,
                [.. result.Other.GroupBy(o => o).Select(g => $"{g.Key} ×{g.Count()}")],
                settings.Late);
        }
    }

    private sealed record Check(int Accepted, int StoredSubmitted, int Lost, int StoredLate, int LateRefused, int LateStored, int SavesAfterDeadlineRefused, string[] OtherRefusals, int LateAttempts)
    {
        public bool Ok => Lost == 0 && StoredLate == 0 && LateStored == 0 && LateRefused == LateAttempts && StoredSubmitted == Accepted && OtherRefusals.Length == 0;
    }

    private sealed class Result
    {
        public ConcurrentBag<double> Submissions { get; } = [];

        public ConcurrentBag<double> SubmissionsRefused { get; } = [];

        public ConcurrentBag<double> Saves { get; } = [];

        public ConcurrentBag<double> SavesRefused { get; } = [];

        public ConcurrentBag<double> Scores { get; } = [];

        public ConcurrentBag<double> ScoresRefused { get; } = [];

        public ConcurrentBag<Guid> Accepted { get; } = [];

        public ConcurrentBag<(Guid Id, bool Accepted, string? Code)> Late { get; } = [];

        public ConcurrentBag<string> Other { get; } = [];

        private int savesAfterDeadline;

        private int queuedPastDeadline;

        public ConcurrentBag<double> SubmissionService { get; } = [];

        public ConcurrentBag<double> SaveService { get; } = [];

        public int QueuedPastDeadline => queuedPastDeadline;

        public void CountQueuedPastDeadline() => Interlocked.Increment(ref queuedPastDeadline);

        public int SavesAfterDeadlineRefused => savesAfterDeadline;

        public void CountSaveAfterDeadline() => Interlocked.Increment(ref savesAfterDeadline);

        public double WallSeconds { get; set; }

        public double CpuSeconds { get; set; }

        public double DatabaseCpuSeconds { get; set; }

        public Check Check { get; set; } = null!;

        public string Row(Settings settings, string operation, ConcurrentBag<double> accepted, ConcurrentBag<double> refused)
        {
            var sorted = accepted.Order().ToArray();
            double P(double percent) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percent / 100) - 1, 0, sorted.Length - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"| {settings.Provider} | {operation} | {sorted.Length} | {refused.Count} | {P(50):F1} | {P(95):F1} | {P(99):F1} | {sorted.LastOrDefault():F1} |");
        }
    }
}
