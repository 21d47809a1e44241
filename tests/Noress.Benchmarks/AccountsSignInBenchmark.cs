extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Noress.App.Accounts;

namespace Noress.Benchmarks;

/// <summary>
/// Time of a failed password sign-in through the real login form (issue 8, item 9: the answer must not tell which
/// addresses have an account, by its message or by its time). The app runs in this process on a real Kestrel port with
/// a temporary SQLite database and the demo data; one account is deactivated before measuring. Each round posts the
/// form once per case, in a shuffled order: an unknown address, a known address with a wrong password, a deactivated
/// account with a wrong password, a deactivated account with its right password. Only the POST and the reading of
/// its answer are timed (the GET of the form that supplies the antiforgery token is not). The four answers must carry
/// the same error message (and the same page, once the echoed address, tokens and nonces are masked), or the run
/// fails: the numbers would then measure different things.
/// Run: dotnet run -c Release --project tests/Noress.Benchmarks -- accounts-signin [rounds]
/// Lockout (5 failures, fixed in the app) is kept out of the way by giving each case its own account and resetting the
/// failed-attempt count of the three accounts after every round, outside the timed section; the login rate limit is
/// raised for the server under test.
/// </summary>
internal static partial class AccountsSignInBenchmark
{
    private const string DemoPassword = "Noress-demo-2026";
    private const string WrongPassword = "not-the-password-2026";
    private const int WarmUpRounds = 5;

    private static readonly Case[] Cases =
    [
        new("unknown address", "nobody-here@noress.demo", WrongPassword),
        new("known address, wrong password", "member@noress.demo", WrongPassword),
        new("deactivated, wrong password", "rep1@noress.demo", WrongPassword),
        new("deactivated, right password", "rep2@noress.demo", DemoPassword),
    ];

    private static readonly string[] Deactivated = ["rep1@noress.demo", "rep2@noress.demo"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var databaseFile = Path.Combine(Path.GetTempPath(), $"noress-signin-{Guid.NewGuid():N}.db");
        FindContentRoot();
        try
        {
            await using var factory = new SignInAppFactory(databaseFile);
            factory.StartServer();
            var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            foreach (var email in Deactivated)
            {
                await SetActiveAsync(factory.Services, email, active: false);
            }

            Console.WriteLine($"Accounts sign-in timing: {rounds} rounds after {WarmUpRounds} warm-up rounds, 4 cases per round in shuffled order, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = address };
            var times = Cases.Select(_ => new List<double>(rounds)).ToArray();
            var answers = new string?[Cases.Length];
            var random = new Random(2026);
            for (var round = 0; round < WarmUpRounds + rounds; round++)
            {
                var order = Enumerable.Range(0, Cases.Length).ToArray();
                random.Shuffle(order);
                foreach (var index in order)
                {
                    var (elapsed, page) = await PostLoginAsync(client, Cases[index]);
                    if (round >= WarmUpRounds)
                    {
                        times[index].Add(elapsed);
                    }

                    answers[index] ??= page;
                }

                // Outside the timed section: every round starts each account at zero failed attempts.
                await ResetLockoutAsync(factory.Services);
            }

            Console.WriteLine();
            Console.WriteLine("| case | account | median ms | p90 ms | min ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|");
            for (var i = 0; i < Cases.Length; i++)
            {
                var sorted = times[i].Order().ToArray();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {Cases[i].Name} | `{Cases[i].Email}` | {Percentile(sorted, 50):F1} | {Percentile(sorted, 90):F1} | {sorted[0]:F1} | {sorted[^1]:F1} |"));
            }

            var medians = times.Select(t => Percentile([.. t.Order()], 50)).ToArray();
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"known wrong - unknown, difference of medians: {medians[1] - medians[0]:+0.0;-0.0;0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deactivated wrong - unknown: {medians[2] - medians[0]:+0.0;-0.0;0.0} ms, deactivated right - unknown: {medians[3] - medians[0]:+0.0;-0.0;0.0} ms"));
            // The fastest attempts carry the least scheduling noise on a busy machine.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"known wrong - unknown, difference of minima: {times[1].Min() - times[0].Min():+0.0;-0.0;0.0} ms"));
            return CheckAnswers(answers) ? 0 : 1;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Gets a fresh form (untimed), then times the POST and the reading of its answer.</summary>
    private static async Task<(double Milliseconds, string Page)> PostLoginAsync(HttpClient client, Case attempt)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = attempt.Email,
            ["Input.Password"] = attempt.Password,
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/Account/Login", content);
        var page = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // A redirect here is a sign-in that succeeded or a lockout: either way not the failure being measured.
            throw new InvalidOperationException($"{attempt.Name}: the login form answered {(int)response.StatusCode} {response.Headers.Location}, not the failure page.");
        }

        return (elapsed, Normalize(page, attempt.Email));
    }

    /// <summary>The four answers must show one and the same error message, on the same page.</summary>
    private static bool CheckAnswers(string?[] answers)
    {
        var messages = answers.Select(a => a is not null && ErrorPattern().Match(a) is { Success: true } m ? m.Groups[1].Value.Trim() : null).ToArray();
        var ok = true;
        if (messages[0] is null || messages.Any(m => m != messages[0]))
        {
            Console.Error.WriteLine("The error messages differ (or are missing):");
            for (var i = 0; i < Cases.Length; i++)
            {
                Console.Error.WriteLine($"  {Cases[i].Name}: {messages[i] ?? "(none)"}");
            }

            ok = false;
        }
        else
        {
            Console.WriteLine($"answer check: the four cases show the same message \"{WebUtility.HtmlDecode(messages[0])}\"");
        }

        var differing = Enumerable.Range(1, Cases.Length - 1).Where(i => answers[i] != answers[0]).Select(i => Cases[i].Name).ToArray();
        if (differing.Length > 0)
        {
            Console.Error.WriteLine($"The answer page differs from the unknown address's for: {string.Join(", ", differing)}");
            ok = false;
        }
        else
        {
            Console.WriteLine("answer check: the four answer pages are identical once the address, tokens and nonces are masked");
        }

        return ok;
    }

    // What legitimately differs between two answers: the echoed address, the per-request token, nonce and protected
    // component-state markers (as in the integration test AccountEnumerationTests).
    private static string Normalize(string html, string email)
    {
        html = html.Replace(email, "ADDRESS", StringComparison.Ordinal);
        html = BlazorMarker().Replace(html, "<!--Blazor-->");
        html = TokenPattern().Replace(html, "name=\"__RequestVerificationToken\" value=\"TOKEN\"");
        return Nonce().Replace(html, "nonce=\"NONCE\"");
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percent / 100) - 1, 0, sorted.Length - 1)];

    private static async Task SetActiveAsync(IServiceProvider services, string email, bool active)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo account {email}.");
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not deactivate {email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task ResetLockoutAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NoressUser>>();
        foreach (var email in Cases.Skip(1).Select(c => c.Email))
        {
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }
    }

    // This project is no test project, so WebApplicationFactory finds no content root by itself.
    private static void FindContentRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var web = Path.Combine(directory.FullName, "src", "Noress.Web");
            if (Directory.Exists(web))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_NORESS_WEB", web);
                return;
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarker();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    // The MudAlert's message sits in its own element inside the alert marked data-testid="login-error".
    [GeneratedRegex("data-testid=\"login-error\".*?<div class=\"mud-alert-message\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    private sealed record Case(string Name, string Email, string Password);

    private sealed class SignInAppFactory : WebApplicationFactory<web::Program>
    {
        private readonly string databaseFile;

        public SignInAppFactory(string databaseFile)
        {
            this.databaseFile = databaseFile;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:SeedDemoData", "true");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:Noress", $"Data Source={databaseFile}");
            // Every attempt comes from 127.0.0.1: the limit of 10 login posts a minute would refuse the run.
            builder.UseSetting("RateLimiting:PermitLimit", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
