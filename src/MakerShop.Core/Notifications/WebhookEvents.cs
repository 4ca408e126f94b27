namespace MakerShop.Core;

/// <summary>
/// The events an integrator's endpoint can subscribe to and their names on the wire ("order.paid"). Names are a
/// public contract: they never change once published, new ones are only added.
/// </summary>
public static class WebhookEvents
{
    private static readonly (ShopEventType Type, string Name)[] Names =
    [
        (ShopEventType.OrderPlaced, "order.placed"),
        (ShopEventType.OrderPaid, "order.paid"),
        (ShopEventType.OrderProduced, "order.produced"),
        (ShopEventType.OrderShipped, "order.shipped"),
        (ShopEventType.OrderDelivered, "order.delivered"),
        (ShopEventType.JobFailed, "job.failed"),
        (ShopEventType.PrinterOffline, "printer.offline"),
    ];

    /// <summary>Every event type an endpoint may choose, in the order pages list them.</summary>
    public static IReadOnlyList<ShopEventType> All { get; } = [.. Names.Select(n => n.Type)];

    public static bool IsWebhookEvent(ShopEventType type) => Names.Any(n => n.Type == type);

    /// <summary>The wire name, e.g. "order.shipped"; only for the types in <see cref="All"/>.</summary>
    public static string WireName(ShopEventType type) =>
        Names.FirstOrDefault(n => n.Type == type).Name ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Not a webhook event.");

    public static bool TryParse(string? name, out ShopEventType type)
    {
        foreach (var (candidate, wire) in Names)
        {
            if (string.Equals(wire, name?.Trim(), StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Parses a stored or submitted list ("order.paid,job.failed"); refuses an unknown name or an empty list.</summary>
    public static IReadOnlyList<ShopEventType> ParseList(IEnumerable<string>? names)
    {
        var chosen = new List<ShopEventType>();
        foreach (var name in names ?? [])
        {
            if (!TryParse(name, out var type))
            {
                throw new DomainValidationException("events", $"'{name}' is not an event this shop sends; choose among {string.Join(", ", Names.Select(n => n.Name))}.");
            }

            if (!chosen.Contains(type))
            {
                chosen.Add(type);
            }
        }

        if (chosen.Count == 0)
        {
            throw new DomainValidationException("events", "Choose at least one event for the endpoint.");
        }

        return [.. All.Where(chosen.Contains)];
    }
}
