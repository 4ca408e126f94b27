using MakerShop.Contracts.Mqtt;

namespace MakerShop.Web.Broker;

/// <summary>
/// The isolation rules of the embedded broker, the same as config/mosquitto.acl: the shop's account may use all of
/// makershop/v1/; a printer subscribes only under its own topic root and publishes only its state, telemetry, events
/// and command acks there, never commands (those come from the shop).
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

        // Only the contract's four bridge topics: a printer cannot fill the broker's retained store with topics of its own.
        return username is not null
            && (topic == PrinterTopics.State(username) || topic == PrinterTopics.Telemetry(username)
                || topic == PrinterTopics.Events(username) || topic == PrinterTopics.CommandAcks(username));
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
