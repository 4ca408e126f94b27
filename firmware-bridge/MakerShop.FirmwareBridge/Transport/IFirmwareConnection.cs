namespace MakerShop.FirmwareBridge.Transport;

/// <summary>One open link; writes are whole lines and safe to call from two tasks (M112 goes out of band).</summary>
public interface IFirmwareConnection : IAsyncDisposable
{
    /// <summary>The next line from the firmware, or null once the link is closed.</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken = default);

    Task WriteLineAsync(string line, CancellationToken cancellationToken = default);
}
