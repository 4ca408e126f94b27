using System.IO.Ports;

namespace MakerShop.FirmwareBridge.Transport;

/// <summary>
/// Firmware on a local serial port. Opening the port raises DTR, which resets most boards (Marlin then prints
/// "start"); the line framing is the same <see cref="StreamFirmwareConnection"/> the TCP transport uses, over the
/// port's stream. Klipper's pseudo-tty ignores the baud rate.
/// </summary>
public sealed class SerialFirmwareTransport(string portName, int baudRate) : IFirmwareTransport
{
    public string PortName { get; } = portName;

    public int BaudRate { get; } = baudRate;

    public Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var port = new SerialPort(PortName, BaudRate, Parity.None, 8, StopBits.One)
        {
            NewLine = "\n",
            DtrEnable = true,
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 10_000,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return Task.FromResult<IFirmwareConnection>(new StreamFirmwareConnection(port.BaseStream, port));
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    public override string ToString() => $"serial {PortName} @ {BaudRate}";
}
