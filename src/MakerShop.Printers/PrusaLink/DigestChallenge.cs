using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// One HTTP Digest challenge as the Buddy firmware sends it (MD5, no <c>qop</c>, a nonce that lives under five seconds)
/// and the answer to it. Without <c>qop</c> the response is RFC 2069's <c>MD5(HA1:nonce:HA2)</c>, with no nc or cnonce.
/// </summary>
public sealed record DigestChallenge(string Realm, string Nonce, bool Stale, string? Opaque)
{
    public const string Scheme = "Digest";

    /// <summary>The Digest challenge of a 401, or null when the response asks for something else (or nothing).</summary>
    public static DigestChallenge? From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var header in response.Headers.WwwAuthenticate)
        {
            if (string.Equals(header.Scheme, Scheme, StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
            {
                var fields = Fields(parameter);
                if (fields.TryGetValue("nonce", out var nonce) && nonce.Length > 0
                    && (!fields.TryGetValue("algorithm", out var algorithm) || string.Equals(algorithm, "MD5", StringComparison.OrdinalIgnoreCase)))
                {
                    return new DigestChallenge(
                        fields.GetValueOrDefault("realm") ?? "",
                        nonce,
                        string.Equals(fields.GetValueOrDefault("stale"), "true", StringComparison.OrdinalIgnoreCase),
                        fields.GetValueOrDefault("opaque"));
                }
            }
        }

        return null;
    }

    public AuthenticationHeaderValue Answer(string user, string password, HttpMethod method, string uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        var ha1 = Md5($"{user}:{Realm}:{password}");
        var ha2 = Md5($"{method.Method}:{uri}");
        var response = Md5($"{ha1}:{Nonce}:{ha2}");
        var parameter = $"username=\"{user}\", realm=\"{Realm}\", nonce=\"{Nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"{response}\"";
        return new AuthenticationHeaderValue(Scheme, Opaque is null ? parameter : parameter + $", opaque=\"{Opaque}\"");
    }

    /// <summary>The key=value pairs of a challenge or an Authorization header; quoted values may hold commas.</summary>
    public static Dictionary<string, string> Fields(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameter.Length)
        {
            while (i < parameter.Length && (parameter[i] == ',' || char.IsWhiteSpace(parameter[i])))
            {
                i++;
            }

            var equals = parameter.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = parameter[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < parameter.Length && parameter[i] == '"')
            {
                var close = parameter.IndexOf('"', i + 1);
                close = close < 0 ? parameter.Length : close;
                value = parameter[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = parameter.IndexOf(',', i);
                comma = comma < 0 ? parameter.Length : comma;
                value = parameter[i..comma].Trim();
                i = comma;
            }

            fields[name] = value;
        }

        return fields;
    }

    // The firmware's digest is MD5 and nothing else; it authenticates a LAN printer, it protects no stored secret.
#pragma warning disable CA5351
    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
