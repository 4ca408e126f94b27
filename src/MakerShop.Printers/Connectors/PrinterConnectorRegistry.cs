using MakerShop.Core;

namespace MakerShop.Printers.Connectors;

/// <summary>The connectors the host registered, one per printer kind.</summary>
public sealed class PrinterConnectorRegistry
{
    private readonly Dictionary<PrinterKind, IPrinterConnector> _byKind;

    public PrinterConnectorRegistry(IEnumerable<IPrinterConnector> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        _byKind = [];
        foreach (var connector in connectors)
        {
            if (!_byKind.TryAdd(connector.Kind, connector))
            {
                throw new InvalidOperationException($"Two printer connectors are registered for {connector.Kind}.");
            }
        }
    }

    public IReadOnlyCollection<PrinterKind> Kinds => _byKind.Keys;

    public IPrinterConnector For(PrinterKind kind) =>
        _byKind.TryGetValue(kind, out var connector)
            ? connector
            : throw new InvalidOperationException($"No printer connector is registered for {kind}.");
}
