using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// The one way lines reach the connection. After M112 nothing else may follow it, whatever a conversation was about
/// to write: the stop flag is set before M112 takes the gate, so a line already being written finishes first and
/// every later one is dropped.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate never allocates a wait handle; it lives as long as the link, which may still be leaving a write when disposed.")]
internal sealed class LinkWriter(IFirmwareConnection connection)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool stopped;

    public bool IsStopped => stopped;

    public async Task WriteAsync(string line, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!stopped)
            {
                await connection.WriteLineAsync(line, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes M112 unnumbered, as EMERGENCY_PARSER expects it; may be called again if the write failed.</summary>
    public async Task EmergencyStopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await connection.WriteLineAsync("M112", cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
