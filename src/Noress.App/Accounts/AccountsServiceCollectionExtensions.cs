using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Noress.App.Accounts.Invitations;
using Noress.App.Accounts.Outside;
using Noress.App.Accounts.TwoFactor;
using Noress.App.Data;

namespace Noress.App.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddNoressAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<AccountOptions>(o =>
        {
            // Two-factor is required of administrators and the secretariat in Production unless configured otherwise.
            o.RequireTwoFactorForStaff = environment.IsProduction();
            configuration.GetSection(AccountOptions.Section).Bind(o);
        });

        services.AddCascadingAuthenticationState();
        services.AddSingleton<AccountStanding>();
        services.AddScoped<AuthenticationStateProvider, NoressAuthenticationStateProvider>();
        services.AddAuthorization(Policies.Configure);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<NoressUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<NoressRole>()
            .AddEntityFrameworkStores<NoressDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<NoressClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // A reset link is good for a few hours, not Identity's default of a day.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));

        // Identity's stores resolve a scoped context; it comes from the same factory as everything else.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NoressDbContext>>().CreateDbContext());

        // The cookie's stamp check resolves those stores only when due, in a scope of its own: otherwise every request's
        // scope holds a context, and a WebSocket request (a circuit, the document hub) holds it for the page (ADR 0058).
        services.AddSingleton<ISecurityStampValidator, LazySecurityStampValidator>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "noress.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // An outside initiative refused a page is sent back to its own area, which says so (ADR 0038).
            var accessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (context.HttpContext.User.IsInRole(Roles.OutsideApplicant))
                {
                    context.RedirectUri = OutsideAccounts.RefusedPath;
                }

                return accessDenied(context);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<RoleSeeder>();
        services.AddScoped<CurrentUser>();

        services.AddSingleton<AccountMails>();
        services.AddScoped<InvitationService>();
        services.AddSingleton<PendingInvitations>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<EmailChangeService>();
        services.AddScoped<TwoFactorService>();
        services.AddSingleton<OutsideConfirmationLinks>();
        services.AddScoped<OutsideAccountService>();
        services.AddAccountRateLimiting(configuration);
        return services;
    }

    /// <summary>Account middleware, after authentication and request localization.</summary>
    public static IApplicationBuilder UseNoressAccounts(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        app.UseTwoFactorEnforcement();
        return app;
    }
}

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public bool RequireTwoFactorForStaff { get; set; }

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Public address used in e-mailed links (e.g. https://noress.ma/); the request's address when empty.</summary>
    public string? PublicBaseUrl { get; set; }
}
