using System.Net;
using System.Net.Sockets;
using MakerShop.Printers.Http;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// The shop's address policy for HTTP printers, applied to a Bambu Lab printer at every MQTT and FTPS connection (not
/// only at registration), so an address that changed to one the shop must not reach is refused. The printer is judged
/// by its registered address (host and MQTT port), which is what an owner-configured printer is trusted by; the
/// connection then goes to the very address that was checked.
/// </summary>
public sealed class BambuAddressCheck(IHttpPrinterAddressFilter? filter = null)
{
    /// <summary>The address to connect to, or why the shop must not connect (in words).</summary>
    public async Task<(string Host, string? Refusal)> CheckAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var host = endpoint.BaseUrl.Host;
        if (filter is null)
        {
            return (host, null);
        }

        var port = endpoint.BaseUrl.IsDefaultPort ? BambuPrinterIdentity.MqttPort : endpoint.BaseUrl.Port;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            addresses = [];
        }

        if (addresses.Length == 0)
        {
            return (host, $"the printer's host {host} resolves to no address");
        }

        return filter.Refusal(host, port, addresses) is { } refusal
            ? (host, $"the shop does not connect to {host}: {refusal}")
            : (addresses[0].ToString(), null);
    }
}
