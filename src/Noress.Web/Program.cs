using Noress.App.Hosting;
using Noress.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddNoress();

var app = builder.Build();
await app.InitializeNoressAsync();

app.UseNoress();
app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(typeof(NoressHostingExtensions).Assembly);
app.MapNoressEndpoints();
app.PrintStartupBanner();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program
{
}
