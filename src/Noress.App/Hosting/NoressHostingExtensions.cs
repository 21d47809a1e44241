using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;
using Noress.App.Accounts;
using Noress.App.Audit;
using Noress.App.Calendar;
using Noress.App.Calls.Outside;
using Noress.App.Calls.Review;
using Noress.App.Committees;
using Noress.App.Data;
using Noress.App.DemoData;
using Noress.App.Documents;
using Noress.App.Documents.Editor;
using Noress.App.Home;
using Noress.App.Members;
using Noress.App.Notifications;
using Noress.App.Plans;
using Noress.App.Sessions;
using Noress.App.Shared.Email;
using Noress.App.Shared.Health;
using Noress.App.Shared.Jobs;
using Noress.App.Shared.Localization;
using Noress.App.Shared.Pdf;
using Noress.App.Shared.RealTime;
using Noress.App.Shared.Security;
using Noress.App.Shared.Uploads;

namespace Noress.App.Hosting;

/// <summary>Composes the whole platform so the web host stays a few lines long.</summary>
public static class NoressHostingExtensions
{
    public static WebApplicationBuilder AddNoress(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var databaseOptions = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddNoressDatabase(configuration, builder.Environment.ContentRootPath);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddNoressLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(NoressCultures.Default)
                .AddSupportedCultures([.. NoressCultures.Supported])
                .AddSupportedUICultures([.. NoressCultures.Supported]);
            // A choice made (the cookie) wins; until then the browser's languages; French when it speaks none of ours.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageCultureProvider()];
        });

        services.AddNoressEmail(configuration);
        services.AddNoressAccounts(configuration, builder.Environment);
        // Keys live in the shared database so every node reads them; at rest they are encrypted as configured (ADR 0014).
        services.AddDataProtection().SetApplicationName("Noress").PersistKeysToDbContext<NoressDbContext>().ProtectNoressKeys(configuration);

        services.AddNoressRealTime(configuration);

        services.AddNoressJobs(databaseOptions.Provider, DatabaseServiceCollectionExtensions.ResolveConnectionString(configuration, databaseOptions.Provider, builder.Environment.ContentRootPath));
        services.Configure<HealthOptions>(configuration.GetSection(HealthOptions.Section));
        services.AddHealthChecks().AddDbContextCheck<NoressDbContext>("database", tags: [HealthTags.Ready]);
        services.AddNoressSecurity(configuration, builder.Environment);
        services.AddNoressHttps(configuration);
        services.AddNoressServerConnections(configuration);
        services.AddNoressAudit(configuration);
        services.AddNoressPdf(configuration);
        services.AddNoressDocuments(configuration);
        services.AddNoressDocumentEditor();
        services.AddNoressUploads(configuration);
        services.AddNoressMembers(configuration, builder.Environment);
        services.AddNoressSessions();
        services.AddNoressCommittees();
        services.AddNoressPlans();
        services.AddNoressCallsReview();
        Plans.Grid.PlanGridServiceCollectionExtensions.AddNoressPlanGrid(services);
        Calls.CallsServiceCollectionExtensions.AddNoressCalls(services);
        Calls.Outputs.CallsOutputsServiceCollectionExtensions.AddNoressCallsOutputs(services);
        Calls.Jobs.CallJobsServiceCollectionExtensions.AddNoressCallJobs(services);

        services.AddScoped<DemoDataSeeder>();
        services.AddNoressCalendar();
        services.AddNoressNotifications();
        services.AddNoressHome();
        services.AddNoressCallsOutside();
        services.AddNoressStartupChecks();
        return builder;
    }

    private static IServiceCollection AddNoressJobs(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // Hangfire's defaults hand every host the process-wide JobStorage.Current and JobActivator.Current.
        // Several hosts in one process (tests, two-node runs) would then share, and dispose, each other's
        // storage and service provider; registering both per host first keeps each host on its own.
        services.AddSingleton<JobStorage>(serviceProvider =>
        {
            serviceProvider.GetRequiredService<IGlobalConfiguration>();
            return provider switch
            {
                DatabaseProvider.SqlServer => new SqlServerStorage(connectionString),
                DatabaseProvider.PostgreSql => CreatePostgreSqlStorage(connectionString),
                // Durable intent lives in the application database, so in-memory job storage is safe here (ADR 0003).
                _ => new InMemoryStorage(),
            };
        });
        services.AddSingleton<JobActivator>(serviceProvider =>
            new AspNetCoreJobActivator(serviceProvider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer();
        services.AddRecurringJobsRegistration();
        return services;
    }

    private static PostgreSqlStorage CreatePostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Checks the settings, then migrates the database and seeds demo data when configured; runs before the app serves requests.</summary>
    public static async Task InitializeNoressAsync(this WebApplication app)
    {
        app.ValidateNoressSettings();
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var factory = app.Services.GetRequiredService<IDbContextFactory<NoressDbContext>>();
        if (options.MigrateOnStartup)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        if (options.SeedDemoData && !app.Environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(options.SeedDemoRecords);
        }
    }
}
