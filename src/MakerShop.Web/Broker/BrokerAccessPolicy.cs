using MakerShop.Contracts.Mqtt;

namespace MakerShop.Web.Broker;

/// <summary>
/// The isolation rules of the embedded broker, the same as config/mosquitto.acl: the shop's account may use all of
/// makershop/v1/, a printer only its own topic root, and a printer may never publish commands (those come from the shop).
/// </summary>
public sealed class BrokerAccessPolicy(string shopUsername)
{
    public bool IsShop(string? username) => string.Equals(username, shopUsername, StringComparison.Ordinal);

    public bool MayPublish(string? username, string topic)
    {
        if (IsShop(username))
        {
            return topic.StartsWith("makershop/v1/", StringComparison.Ordinal);
        }

        return username is not null
            && PrinterTopics.IsUnderPrinterRoot(topic, username)
            && !string.Equals(topic, PrinterTopics.Commands(username), StringComparison.Ordinal);
    }

    public bool MaySubscribe(string? username, string topicFilter)
    {
        if (IsShop(username))
        {
            return topicFilter.StartsWith("makershop/v1/", StringComparison.Ordinal);
        }

        return username is not null && PrinterTopics.IsUnderPrinterRoot(topicFilter, username);
    }
}
