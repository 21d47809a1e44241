using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Noress.App.Data;

namespace Noress.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build this provider's model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NoressDbContext>
{
    public NoressDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NoressDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, DatabaseProvider.SqlServer, "Server=localhost;Database=Noress;Trusted_Connection=True;TrustServerCertificate=True");
        return new NoressDbContext(builder.Options);
    }
}
