using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.HttpPrinters;

/// <summary>
/// Keeps maker-registered printer addresses inside <see cref="HttpPrintersOptions.MakerAddressPolicy"/>, so a maker
/// cannot make the shop send requests to itself, to cloud metadata or to other hosts it should not reach. Checked when
/// the maker registers (every address the name resolves to) and again on every connection (DNS rebinding). Printers
/// the owner configured are trusted: their host and port are recorded here when they are provisioned.
/// </summary>
public sealed class MakerPrinterAddressGuard(IOptions<HttpPrintersOptions> options) : IHttpPrinterAddressFilter
{
    private readonly ConcurrentDictionary<string, bool> _trusted = new(StringComparer.OrdinalIgnoreCase);

    private MakerAddressPolicy Policy => options.Value.MakerAddressPolicy;

    /// <summary>An owner-configured printer: the shop connects to its host and port whatever they resolve to.</summary>
    public void Trust(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _trusted[Authority(baseUrl.IdnHost, baseUrl.Port)] = true;
    }

    /// <summary>Refuses, naming the baseUrl field, an address the maker may not use; resolves host names first.</summary>
    public async Task CheckAsync(Uri baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (Policy == MakerAddressPolicy.Any)
        {
            return;
        }

        var host = baseUrl.IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                addresses = [];
            }

            if (addresses.Length == 0)
            {
                throw new DomainValidationException("baseUrl", $"The shop cannot find the printer's host '{host}'; give an address it can resolve, or the printer's IP address.");
            }
        }

        if (RefusalOf(addresses) is { } refusal)
        {
            throw new DomainValidationException("baseUrl", $"The shop does not connect to {host}: {refusal}. Give your printer's LAN or public address.");
        }
    }

    public string? Refusal(string host, int port, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return _trusted.ContainsKey(Authority(host, port)) ? null : RefusalOf(addresses);
    }

    private string? RefusalOf(IEnumerable<IPAddress> addresses) =>
        addresses.Select(a => PrinterAddressRanges.Refusal(a, Policy)).FirstOrDefault(r => r is not null);

    private static string Authority(string host, int port) => $"{host.Trim('[', ']')}:{port}";
}
