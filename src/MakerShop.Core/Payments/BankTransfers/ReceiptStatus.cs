namespace MakerShop.Core;

public enum ReceiptStatus
{
    /// <summary>Waiting for the owner: an exact match to confirm, or something to look at.</summary>
    Open,

    /// <summary>The payment was confirmed with it (exact amount).</summary>
    Confirmed,

    /// <summary>The owner accepted a different amount or currency, explicitly.</summary>
    Accepted,

    /// <summary>The owner decided it is not for an order of ours (or will send it back).</summary>
    Dismissed,
}
