using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Noress.App.Data;

namespace Noress.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build this provider's model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NoressDbContext>
{
    public NoressDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<NoressDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new NoressDbContext(builder.Options);
    }
}
