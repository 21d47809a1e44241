using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Noress.App.Shared.Operations;

namespace Noress.App.Shared.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>Resx localization for the app's texts and for MudBlazor's; call after AddMudServices.</summary>
    public static IServiceCollection AddNoressLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, NoressMudLocalizer>();
        services.AddSingleton(typeof(Refusals<>));
        return services;
    }
}
