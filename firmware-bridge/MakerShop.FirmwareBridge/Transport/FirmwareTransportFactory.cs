namespace MakerShop.FirmwareBridge.Transport;

/// <summary>Picks the transport <see cref="BridgeOptions.Transport"/> names, with that transport's settings.</summary>
public static class FirmwareTransportFactory
{
    public static IFirmwareTransport Create(BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Transport switch
        {
            FirmwareTransportKind.Tcp => new TcpFirmwareTransport(options.FirmwareHost, options.FirmwarePort),
            FirmwareTransportKind.Serial => new SerialFirmwareTransport(options.SerialPort!, options.BaudRate),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "unknown firmware transport"),
        };
    }
}
