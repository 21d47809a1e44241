using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Noress.App.Shared.Localization;

namespace Noress.App.Accounts;

/// <summary>Limits on guessable account posts (section <c>RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Posts allowed per client address and window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// A fixed window per client address on the account forms that accept secrets or send mail. Only
/// their POSTs count: the pages are static forms whose GET must stay free.
/// </summary>
public static class AccountRateLimiting
{
    private static readonly string[] LimitedPaths =
    [
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/ForgotPassword",
        "/Account/ResetPassword",
        "/Account/AcceptInvitation",
        "/Account/Manage/TwoFactor",
        "/Account/RegisterInitiative",
    ];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.PermitLimit,
                            Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => WriteRejectionAsync(context, settings, cancellationToken);
        });
        return services;
    }

    internal static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, RateLimitingOptions settings, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<AccountsText>>();
        var culture = CultureInfo.CurrentUICulture;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.WindowSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(text["RateLimit.Title"]);
        var body = WebUtility.HtmlEncode(text["RateLimit.Body"]);
        var back = WebUtility.HtmlEncode(text["Common.BackHome"]);
        var direction = NoressCultures.IsRightToLeft(culture) ? "rtl" : "ltr";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{direction}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            + $"<body><main data-testid=\"rate-limited\"><h1>{title}</h1><p>{body}</p><p><a href=\"/\">{back}</a></p></main></body></html>",
            cancellationToken);
    }
}
