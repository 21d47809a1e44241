using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Noress.App.Shared.Security;

/// <summary>Marks an endpoint that answers over plain HTTP outside Development (probes and scrapers talk to the node itself).</summary>
public sealed class AllowPlainHttpMetadata
{
}

/// <summary>Marks an endpoint that only administrators and callers on the same machine may reach; others get 404.</summary>
public sealed class LocalOrAdministratorOnlyMetadata
{
}

/// <summary>Security decisions about operations endpoints are taken from these markers, never from the path (ADR 0013).</summary>
public static class OperationsEndpointConventions
{
    public static TBuilder AllowPlainHttp<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowPlainHttpMetadata());

    public static TBuilder RequireLocalOrAdministrator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new LocalOrAdministratorOnlyMetadata());

    public static bool Has<TMetadata>(this HttpContext context)
        where TMetadata : class =>
        context.GetEndpoint()?.Metadata.GetMetadata<TMetadata>() is not null;
}
