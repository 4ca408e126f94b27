using System.Net;

namespace MakerShop.Notifications.Outbound;

/// <summary>
/// Why the shop must not connect to these addresses, or null when it may. The host supplies it with the same range
/// rules that police maker-registered printers, so one definition of "private" and "the shop itself" serves both.
/// </summary>
public interface IOutboundAddressFilter
{
    string? Refusal(IReadOnlyList<IPAddress> addresses);
}
