using Microsoft.AspNetCore.Identity;

namespace Noress.App.Accounts;

/// <summary>Makes sure the platform roles and the outside initiatives' role exist; safe to run at every start.</summary>
public sealed class RoleSeeder(RoleManager<NoressRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var name in Roles.All.Append(Roles.OutsideApplicant))
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new NoressRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
