namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>A host command waiting in the command buffer, with the line number ADVANCED_OK echoes back.</summary>
internal readonly record struct QueuedCommand(string Text, long? LineNumber);
