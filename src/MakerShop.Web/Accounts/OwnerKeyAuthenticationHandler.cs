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
/// that the caller may try again and again unnoticed: each one is logged and audited, and after
/// <see cref="OwnerKeyThrottleOptions.FailuresPerWindow"/> of them an address gets 429 with Retry-After, its key unchecked.
/// </summary>
public sealed class OwnerKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<OwnerKeyOptions> ownerKey,
    OwnerKeyThrottle throttle,
    AuditTrail audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OwnerKey";
    private const string RetryAfterItem = "MakerShop.OwnerKey.RetryAfter";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(OwnerKeyOptions.HeaderName, out var sent))
        {
            return AuthenticateResult.NoResult();
        }

        var remote = Context.Connection.RemoteIpAddress;
        var address = (remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote)?.ToString() ?? "unknown";
        if (throttle.IsBlocked(address, out var retryAfter))
        {
            // Not compared at all: a blocked guesser learns nothing, not even from a right key.
            Context.Items[RetryAfterItem] = retryAfter;
            return AuthenticateResult.Fail("Too many wrong owner keys from this address.");
        }

        var key = ownerKey.Value.ApiKey;
        if (string.IsNullOrEmpty(key)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString())), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            Logger.LogWarning("Rejected an owner key from {RemoteIp} for {Method} {Path}", address, Request.Method, Request.Path.Value);
            await audit.RecordAsync(Context, "OwnerKeyRejected", Request.Path.Value, $"{Request.Method} {Request.Path.Value}");
            if (throttle.RecordFailure(address))
            {
                Logger.LogWarning(
                    "Owner keys from {RemoteIp} are refused unchecked for now: {Failures} wrong within {WindowSeconds} s",
                    address, throttle.Limit, throttle.WindowSeconds);
            }

            return AuthenticateResult.Fail("The owner key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ShopClaims.UserId, "owner-key"), new Claim(ShopClaims.Email, "owner-key"), new Claim(ShopClaims.Role, nameof(UserRole.Owner))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // The key is an API credential: on pages, the session cookie's redirect to the sign-in page stays the answer.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(RetryAfterItem, out var item) && item is TimeSpan retryAfter)
        {
            await WriteTooManyAsync(retryAfter);
            return;
        }

        if (IsApi)
        {
            await base.HandleChallengeAsync(properties);
        }
    }

    private async Task WriteTooManyAsync(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        // Last of the policy's schemes to challenge: the cookie's 401 or sign-in redirect is replaced.
        Response.Headers.Location = default;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many wrong owner keys",
                Detail = $"Too many wrong owner keys came from this address. Try again in {seconds} s.",
            },
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        IsApi ? base.HandleForbiddenAsync(properties) : Task.CompletedTask;

    private bool IsApi => Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
