namespace MakerShop.Storage.Stores;

/// <summary>The states of a stored channel delivery.</summary>
public static class ChannelDeliveryState
{
    public const string Received = "Received";
    public const string Processing = "Processing";
    public const string Processed = "Processed";

    /// <summary>Understood but not acted on until the owner fixes something (an unmapped SKU) and replays it.</summary>
    public const string Held = "Held";

    /// <summary>Could not be processed (unreadable, refused by a rule); the owner may replay it.</summary>
    public const string Failed = "Failed";
}
