namespace MakerShop.FirmwareBridge.Transport;

/// <summary>Opens a line link to the firmware: TCP today, a serial port later. Opening resets the printer.</summary>
public interface IFirmwareTransport
{
    Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default);
}
