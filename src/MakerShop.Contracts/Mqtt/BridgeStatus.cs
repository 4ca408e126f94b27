namespace MakerShop.Contracts.Mqtt;

/// <summary>What a bridge says its printer is doing; the shop maps it onto its own printer states.</summary>
public enum BridgeStatus
{
    Offline,
    Idle,
    Downloading,
    Printing,
    Paused,
    /// <summary>A job ended and the bed still holds the part; waits for a bed-cleared command.</summary>
    Finished,
    Error,
}
