namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>What the receive side made of one host line: a command to queue, or an error that asks for a resend.</summary>
internal readonly record struct IncomingLine(IncomingLineKind Kind, string Command, string? Error, long? LineNumber = null)
{
    public static IncomingLine Empty { get; } = new(IncomingLineKind.Empty, string.Empty, null);

    public static IncomingLine Accept(string command, long? lineNumber = null) => new(IncomingLineKind.Command, command, null, lineNumber);

    public static IncomingLine Reject(string error) => new(IncomingLineKind.Rejected, string.Empty, error);
}
