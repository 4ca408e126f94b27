using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MakerShop.VirtualHttpPrinters.PrusaLink;

/// <summary>
/// Buddy's request authentication (<c>req_parser.cpp</c>): the password as <c>X-Api-Key</c>, or HTTP Digest with user
/// <c>maker</c>, MD5 and no qop. A nonce is 16 hex digits, a per-boot random number and the uptime in seconds, valid
/// for under five seconds: right credentials on an old nonce get a new challenge with <c>stale=true</c>. Only the nonce
/// and the response are read from the Authorization header; the uri is the request's own.
/// </summary>
internal sealed class FakePrusaLinkAuth(FakePrusaLinkOptions options, string password, TimeProvider clock)
{
    public const string User = "maker";

    private uint _boot = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private DateTimeOffset _bootedAt = clock.GetUtcNow();
    private int _challenges;
    private int _stale;
    private int _refusedKeys;

    public int Challenges => Volatile.Read(ref _challenges);

    public int StaleNonces => Volatile.Read(ref _stale);

    public int RefusedKeys => Volatile.Read(ref _refusedKeys);

    /// <summary>A reboot: a new random half, uptime from zero, so every nonce handed out before is unknown.</summary>
    public void Reboot()
    {
        _boot = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
        _bootedAt = clock.GetUtcNow();
    }

    /// <summary>Null when the request may go on; otherwise the challenge to answer with (and whether it is a stale one).</summary>
    public (bool Stale, string Header)? Refusal(HttpRequest request)
    {
        string? key = request.Headers["X-Api-Key"];
        if (!string.IsNullOrEmpty(key))
        {
            if (options.AcceptsApiKey && string.Equals(key, password, StringComparison.Ordinal))
            {
                return null;
            }

            Interlocked.Increment(ref _refusedKeys);
            return Challenge(stale: false);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(stale: false);
        }

        var fields = Fields(authorization["Digest ".Length..]);
        if (!fields.TryGetValue("nonce", out var nonce) || !fields.TryGetValue("response", out var response) || !TryAge(nonce, out var age))
        {
            return Challenge(stale: false);
        }

        var uri = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var ha1 = Md5($"{User}:{options.Realm}:{password}");
        var ha2 = Md5($"{request.Method}:{uri}");
        if (!string.Equals(response, Md5($"{ha1}:{nonce}:{ha2}"), StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(stale: false);
        }

        if (age >= options.NonceLifetime)
        {
            Interlocked.Increment(ref _stale);
            return Challenge(stale: true);
        }

        return null;
    }

    private (bool, string) Challenge(bool stale)
    {
        Interlocked.Increment(ref _challenges);
        var nonce = ((ulong)_boot << 32 | (uint)Uptime().TotalSeconds).ToString("x16", CultureInfo.InvariantCulture);
        return (stale, $"Digest realm=\"{options.Realm}\", nonce=\"{nonce}\"" + (stale ? ", stale=true" : ""));
    }

    private TimeSpan Uptime() => clock.GetUtcNow() - _bootedAt;

    /// <summary>A nonce of this boot and how old it is; one from another boot (or made up) is not a nonce at all.</summary>
    private bool TryAge(string nonce, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        if (nonce.Length != 16 || !ulong.TryParse(nonce, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) || (uint)(value >> 32) != _boot)
        {
            return false;
        }

        var issued = TimeSpan.FromSeconds((uint)value);
        var now = Uptime();
        age = now - issued;
        return issued <= now;
    }

    private static Dictionary<string, string> Fields(string parameter)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parameter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[part[..equals].Trim()] = part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return fields;
    }

#pragma warning disable CA5351 // the firmware's digest is MD5
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
