using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Noress.App.Audit;
using Noress.App.Calendar;
using Noress.App.Data;
using Noress.App.Members.Mou;
using Noress.App.Shared.Uploads;

namespace Noress.App.Members;

public static class MembersServiceCollectionExtensions
{
    public static IServiceCollection AddNoressMembers(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(sp => new UploadStorage(sp.GetRequiredService<IOptions<StorageOptions>>(), environment.ContentRootPath));
        services.AddScoped<MembersAccess>();
        services.AddScoped<InstitutionService>();
        services.AddScoped<RepresentativeService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<MouService>();
        services.AddCalendarSource<MouRenewalCalendarSource>();
        services.AddAuditSubjectSource<MembersAuditSubjects>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [Shared.Health.HealthTags.Ready]);

        // A deactivated person's cookie is refused on the very next request, not at the next security stamp check.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                if (context.Principal is not { } principal || MembersAccess.UserId(principal) is not { } id)
                {
                    return;
                }

                var dbFactory = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<NoressDbContext>>();
                await using var db = await dbFactory.CreateDbContextAsync(context.HttpContext.RequestAborted);
                if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        return services;
    }
}
