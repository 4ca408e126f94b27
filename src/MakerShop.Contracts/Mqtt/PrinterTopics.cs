namespace MakerShop.Contracts.Mqtt;

/// <summary>Topic names of the shop ↔ printer MQTT contract (makershop/v1/printers/{printerId}/...).</summary>
public static class PrinterTopics
{
    public const string Root = "makershop/v1/printers";

    public static string PrinterRoot(string printerId) => $"{Root}/{printerId}/";

    public static string State(string printerId) => $"{Root}/{printerId}/state";

    public static string Telemetry(string printerId) => $"{Root}/{printerId}/telemetry";

    public static string Events(string printerId) => $"{Root}/{printerId}/events";

    public static string Commands(string printerId) => $"{Root}/{printerId}/commands";

    public static string CommandAcks(string printerId) => $"{Root}/{printerId}/commands/ack";

    /// <summary>Filters the shop subscribes to, for every printer at once.</summary>
    public static IReadOnlyList<string> ShopSubscriptions { get; } =
    [
        $"{Root}/+/state",
        $"{Root}/+/telemetry",
        $"{Root}/+/events",
        $"{Root}/+/commands/ack",
    ];

    /// <summary>
    /// Every printer's retained state again, at QoS 0: a filter that matches exactly the state topics (a trailing "#"
    /// also matches its parent level) but is not the shop's QoS 1 one, so subscribing to it makes the broker send the
    /// retained states at once, past any QoS 1 backlog, without touching the live subscription.
    /// </summary>
    public const string StateSnapshotFilter = $"{Root}/+/state/#";

    /// <summary>True when <paramref name="topicOrFilter"/> lies entirely under the printer's own root.</summary>
    public static bool IsUnderPrinterRoot(string topicOrFilter, string printerId)
    {
        ArgumentNullException.ThrowIfNull(topicOrFilter);
        var root = PrinterRoot(printerId);
        if (!topicOrFilter.StartsWith(root, StringComparison.Ordinal))
        {
            return false;
        }

        // A wildcard may not climb out of the root: "+" and "#" are only allowed after it.
        return topicOrFilter.Length > root.Length;
    }

    /// <summary>Parses "makershop/v1/printers/{id}/{kind...}"; returns false for anything else.</summary>
    public static bool TryParse(string topic, out string printerId, out string kind)
    {
        printerId = string.Empty;
        kind = string.Empty;
        if (topic is null || !topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Root.Length + 1);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        printerId = rest[..slash].ToString();
        kind = rest[(slash + 1)..].ToString();
        return true;
    }
}
