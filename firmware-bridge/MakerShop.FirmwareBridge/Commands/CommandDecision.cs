namespace MakerShop.FirmwareBridge.Commands;

/// <summary>Whether a command was taken, and the short machine-readable reason the shop sees in the ack.</summary>
internal readonly record struct CommandDecision(bool Accepted, string? Reason)
{
    public static CommandDecision Accept(string? reason = null) => new(true, reason);

    public static CommandDecision Reject(string reason) => new(false, reason);
}
