namespace MakerShop.VirtualPrinter.Protocol;

internal enum IncomingLineKind
{
    Empty,
    Command,
    Rejected,
}
