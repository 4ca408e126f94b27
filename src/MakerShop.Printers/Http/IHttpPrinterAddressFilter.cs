using System.Net;

namespace MakerShop.Printers.Http;

/// <summary>
/// Decides, at the moment the shop opens a connection to a printer, whether the addresses the printer's host name
/// resolved to may be reached. Checked on every new connection, not only at registration, so a host name that
/// resolves to a LAN printer when registered and to the shop's own loopback later (DNS rebinding) is still refused.
/// </summary>
public interface IHttpPrinterAddressFilter
{
    /// <summary>Why the shop must not connect to <paramref name="host"/>:<paramref name="port"/> at these addresses, or null when it may.</summary>
    string? Refusal(string host, int port, IReadOnlyList<IPAddress> addresses);
}
