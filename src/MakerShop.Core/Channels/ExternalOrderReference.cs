namespace MakerShop.Core;

/// <summary>
/// Where an order came from when it was not the storefront: the channel ("Shopify"), the channel's own id for the order
/// (what makes a redelivered order the same order) and the number people see there ("#1001").
/// </summary>
public sealed record ExternalOrderReference
{
    public ExternalOrderReference(string channel, string externalId, string externalNumber)
    {
        Guard.NotBlank(channel, "channel", "The sales channel");
        Guard.NotBlank(externalId, "externalId", "The channel's order id");
        Guard.NotBlank(externalNumber, "externalNumber", "The channel's order number");
        Channel = channel;
        ExternalId = externalId;
        ExternalNumber = externalNumber;
    }

    public string Channel { get; }

    public string ExternalId { get; }

    public string ExternalNumber { get; }
}
