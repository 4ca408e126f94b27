using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using MakerShop.Core;
using MakerShop.Web.Payments;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Accounts;

/// <summary>
/// The owner's scripts and tools call the API with the owner key (<c>X-Owner-Key</c>) instead of a browser session.
/// There is no key unless <c>MakerShop:Owner:ApiKey</c> is set; a wrong key is a failed authentication, not a guess
/// that the caller may try again and again unnoticed.
/// </summary>
public sealed class OwnerKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OwnerKeyOptions> ownerKey) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OwnerKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(OwnerKeyOptions.HeaderName, out var sent))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = ownerKey.Value.ApiKey;
        if (string.IsNullOrEmpty(key)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString())), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            Logger.LogWarning("Rejected an owner key from {RemoteIp}", Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("The owner key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ShopClaims.UserId, "owner-key"), new Claim(ShopClaims.Email, "owner-key"), new Claim(ShopClaims.Role, nameof(UserRole.Owner))],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // The key is an API credential: on pages, the session cookie's redirect to the sign-in page stays the answer.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        IsApi ? base.HandleChallengeAsync(properties) : Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        IsApi ? base.HandleForbiddenAsync(properties) : Task.CompletedTask;

    private bool IsApi => Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
