using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Noress.App.Shared.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddNoressEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IMailSender, MailKitMailSender>();
        return services;
    }
}
