using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Noress.App.Data;
using Noress.App.DemoData;

namespace Noress.App.Hosting;

public static class StartupBanner
{
    /// <summary>Once listening, prints where the app is and, with demo data, how to sign in.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var demo = options.SeedDemoData && !app.Environment.IsProduction();
            Console.WriteLine();
            Console.WriteLine("NORESS is running:");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  {address}");
            }

            if (!app.Environment.IsDevelopment() && !HttpsSetup.CanServeHttps(addresses, app.Configuration))
            {
                // Cookies are Secure-only outside Development: over plain HTTP nobody could sign in.
                Console.WriteLine("HTTPS is required outside Development, and this node has no HTTPS endpoint and trusts no proxy:");
                Console.WriteLine("  plain-HTTP requests get a \"secure connection required\" page. Configure a certificate (Kestrel),");
                Console.WriteLine("  or set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true behind a TLS-terminating proxy (docs/configuration.md).");
            }

            if (demo)
            {
                Console.WriteLine($"Demo logins (password for all: {DemoDataSeeder.Password}):");
                foreach (var account in DemoDataSeeder.Accounts)
                {
                    Console.WriteLine($"  {account.Role,-14} {account.Email}");
                }
            }

            Console.WriteLine();
        });
    }
}
