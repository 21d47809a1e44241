using Microsoft.AspNetCore.Identity;

namespace Noress.App.Accounts;

public sealed class NoressRole : IdentityRole<Guid>
{
    public NoressRole()
    {
    }

    public NoressRole(string name)
        : base(name)
    {
    }
}
