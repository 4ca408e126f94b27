using System.Security.Claims;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Accounts;

/// <summary>What a session cookie says about its holder.</summary>
public static class ShopClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string Email = ClaimTypes.Email;
    public const string Role = ClaimTypes.Role;
    public const string MakerId = "makershop:maker";
    public const string SecurityStamp = "makershop:stamp";

    /// <summary>Present on a session signed in with a password the owner reset; the person must choose a new one first.</summary>
    public const string MustChange = "makershop:must-change-password";

    public static ClaimsPrincipal For(StoredUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(UserId, user.Account.Id),
            new(Email, user.Account.Email),
            new(ClaimTypes.Name, user.Account.DisplayName),
            new(Role, user.Account.Role.ToString()),
            new(SecurityStamp, user.SecurityStamp),
        };
        if (user.Account.MakerId is { } maker)
        {
            claims.Add(new Claim(MakerId, maker));
        }

        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChange, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "makershop-cookie"));
    }

    public static string? MakerIdOf(ClaimsPrincipal user) => user?.FindFirstValue(MakerId);

    public static bool MustChangePassword(ClaimsPrincipal user) => user?.HasClaim(MustChange, "true") == true;

    public static bool IsOwner(ClaimsPrincipal user) => user?.IsInRole(nameof(UserRole.Owner)) == true;
}
