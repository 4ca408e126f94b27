using MakerShop.FirmwareBridge.Transport;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>TCP to the virtual printer, with a switch that makes every write fail as an unplugged adapter would.</summary>
internal sealed class FlakyFirmwareTransport(int port) : IFirmwareTransport
{
    private readonly TcpFirmwareTransport inner = new("127.0.0.1", port);
    private volatile bool failWrites;

    public bool FailWrites
    {
        get => failWrites;
        set => failWrites = value;
    }

    public async Task<IFirmwareConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        new FlakyConnection(await inner.OpenAsync(cancellationToken), this);

    private sealed class FlakyConnection(IFirmwareConnection connection, FlakyFirmwareTransport owner) : IFirmwareConnection
    {
        public Task<string?> ReadLineAsync(CancellationToken cancellationToken = default) => connection.ReadLineAsync(cancellationToken);

        public Task WriteLineAsync(string line, CancellationToken cancellationToken = default) =>
            owner.FailWrites ? Task.FromException(new IOException("the serial adapter went away")) : connection.WriteLineAsync(line, cancellationToken);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
