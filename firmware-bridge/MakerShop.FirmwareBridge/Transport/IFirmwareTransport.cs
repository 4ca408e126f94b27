namespace MakerShop.FirmwareBridge.Transport;

/// <summary>Opens a line link to the firmware (TCP or a serial port). Opening resets the printer.</summary>
public interface IFirmwareTransport
{
    Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default);
}
