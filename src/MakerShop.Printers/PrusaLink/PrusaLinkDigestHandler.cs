using System.Collections.Concurrent;
using System.Net;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// The fallback the Buddy firmware also accepts: when a printer answers the <c>X-Api-Key</c> with a 401 Digest challenge,
/// the request goes again with HTTP Digest (user <c>maker</c>) and the same secret, which it takes from the request's
/// own key header, so nothing per printer is kept here but the last nonce each printer gave (not a secret). Buddy's
/// nonces live under five seconds: a remembered one saves the 401 round trip while it is fresh, and an old one gets
/// <c>stale=true</c> and one more try with the new nonce. Request bodies are sent again, so they must be re-readable
/// (a seekable stream). Only a response with a Digest challenge is touched: OctoPrint and Moonraker never send one.
/// </summary>
public sealed class PrusaLinkDigestHandler : DelegatingHandler
{
    public const string User = "maker";

    private readonly ConcurrentDictionary<string, DigestChallenge> _nonces = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { } uri || !request.Headers.TryGetValues(HttpPrinterApiFactory.ApiKeyHeader, out var keys) || keys.FirstOrDefault() is not { Length: > 0 } secret)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var authority = uri.GetLeftPart(UriPartial.Authority);
        var path = uri.PathAndQuery;
        try
        {
            var sentDigest = false;
            var remembered = false;
            if (_nonces.TryGetValue(authority, out var known))
            {
                Answer(request, known, secret, path);
                sentDigest = remembered = true;
            }

            var response = await base.SendAsync(request, cancellationToken);
            for (var tries = 0; tries < 2 && response.StatusCode == HttpStatusCode.Unauthorized && DigestChallenge.From(response) is { } challenge; tries++)
            {
                // A digest answer refused without "stale" means a wrong secret, unless the nonce was a remembered one the
                // printer no longer knows (it restarted): one try with its fresh nonce settles that.
                if (sentDigest && !challenge.Stale && !(remembered && tries == 0))
                {
                    break;
                }

                _nonces[authority] = challenge;
                response.Dispose();
                Answer(request, challenge, secret, path);
                sentDigest = true;
                remembered = false;
                response = await base.SendAsync(request, cancellationToken);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && sentDigest)
            {
                // Refused with Digest too: the secret is wrong, so the next request starts over with the key header.
                _nonces.TryRemove(authority, out _);
            }

            return response;
        }
        finally
        {
            // The same request may come back through here (a retry above this handler): leave it as it came.
            request.Headers.Authorization = null;
            request.Headers.Remove(HttpPrinterApiFactory.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(HttpPrinterApiFactory.ApiKeyHeader, secret);
        }
    }

    private static void Answer(HttpRequestMessage request, DigestChallenge challenge, string secret, string path)
    {
        request.Headers.Remove(HttpPrinterApiFactory.ApiKeyHeader);
        request.Headers.Authorization = challenge.Answer(User, secret, request.Method, path);
    }
}
