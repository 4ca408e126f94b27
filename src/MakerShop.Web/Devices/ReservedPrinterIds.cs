using MakerShop.Core;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Devices;

/// <summary>
/// Printer ids the shop keeps for itself. A printer id is also an MQTT username and client id, so a printer named like
/// the shop's own client could claim (and read) the shop's broker session; such ids are refused at every registration,
/// and the embedded broker refuses a printer login under one even if it was stored before this rule existed.
/// </summary>
public sealed class ReservedPrinterIds(IOptions<MqttBrokerOptions> broker)
{
    /// <summary>The prefix every identity of the shop's own starts with (its MQTT account and client ids by default).</summary>
    public const string ShopPrefix = "makershop-";

    public bool IsReserved(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var shop = broker.Value.ShopUsername;
        return id.StartsWith(ShopPrefix, StringComparison.OrdinalIgnoreCase)
            || id.StartsWith('$')
            || string.Equals(id, shop, StringComparison.OrdinalIgnoreCase)
            || id.StartsWith(shop + "-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Refuses a reserved id on the id field, in the words a maker reads on the registration page.</summary>
    public void EnsureAllowed(string? id)
    {
        if (IsReserved(id))
        {
            throw new DomainValidationException(
                "id",
                $"Printer ids starting with '{ShopPrefix}' or '{broker.Value.ShopUsername}' are reserved for the shop itself. Choose another id.");
        }
    }
}
