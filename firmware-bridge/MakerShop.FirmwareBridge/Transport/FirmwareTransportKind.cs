namespace MakerShop.FirmwareBridge.Transport;

public enum FirmwareTransportKind
{
    /// <summary>A TCP socket: the virtual printer, or a serial-to-network adapter (ser2net, ESP3D).</summary>
    Tcp,

    /// <summary>A local serial port (/dev/ttyUSB0, /dev/ttyACM0, COM3).</summary>
    Serial,
}
