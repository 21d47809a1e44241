using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Noress.App.Accounts.Invitations;

/// <summary>The secret in an invitation link: 256 random bits, of which only the SHA-256 hash is stored.</summary>
public static class InvitationToken
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
