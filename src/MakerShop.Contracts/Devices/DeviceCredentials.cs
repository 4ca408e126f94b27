using System.Net.Http.Headers;
using System.Text;

namespace MakerShop.Contracts.Devices;

/// <summary>
/// A printer's identity: its id is its MQTT username, and the same secret signs its HTTP requests
/// (HTTP Basic, so that any HTTP tool a maker has can fetch a job with it).
/// </summary>
public sealed record DeviceCredentials(string PrinterId, string Secret)
{
    public const string Scheme = "Basic";

    public AuthenticationHeaderValue ToAuthorizationHeader() =>
        new(Scheme, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PrinterId}:{Secret}")));

    /// <summary>Parses an Authorization header value; returns null when it is not Basic or not well formed.</summary>
    public static DeviceCredentials? TryParse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[(Scheme.Length + 1)..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : new DeviceCredentials(decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public override string ToString() => $"DeviceCredentials {{ PrinterId = {PrinterId} }}";
}
