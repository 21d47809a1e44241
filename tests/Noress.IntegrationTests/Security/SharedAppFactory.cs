using Noress.IntegrationTests.Infrastructure;

namespace Noress.IntegrationTests.Security;

/// <summary>One app per test class for read-only checks: xunit class fixtures need a single constructor.</summary>
public sealed class SharedAppFactory : NoressAppFactory
{
}
