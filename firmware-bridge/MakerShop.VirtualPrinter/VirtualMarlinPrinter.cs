using System.Net;
using System.Net.Sockets;
using MakerShop.VirtualPrinter.Protocol;
using MakerShop.VirtualPrinter.Simulation;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualPrinter;

/// <summary>
/// A simulated Marlin printer behind a TCP socket on 127.0.0.1. One host at a time: a new connection replaces the
/// old one and resets the printer, as re-opening a serial port does.
/// </summary>
public sealed class VirtualMarlinPrinter : IAsyncDisposable
{
    private readonly VirtualPrinterOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<VirtualMarlinPrinter> logger;
    private readonly SimulatedClock clock;
    private readonly ExecutedCommandLog log = new();
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private Task acceptLoop = Task.CompletedTask;
    private MarlinSession? session;
    private int corruptionUsed;

    public VirtualMarlinPrinter(VirtualPrinterOptions options, TimeProvider timeProvider, ILogger<VirtualMarlinPrinter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
        clock = new SimulatedClock(timeProvider, options.TimeScale);
    }

    public int Port { get; private set; }

    /// <summary>Every command executed, in order, without line numbers or checksums.</summary>
    public IReadOnlyList<string> ExecutedCommands => log.Snapshot();

    /// <summary>The simulated time all moves, dwells, homing and heat-ups took.</summary>
    public TimeSpan SimulatedPrintTime => clock.TotalSpent;

    public bool IsKilled => Volatile.Read(ref session)?.IsKilled ?? false;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        listener = new TcpListener(IPAddress.Loopback, options.Port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        logger.LogInformation("Virtual printer {PrinterName} listening on 127.0.0.1:{Port}", options.Name, Port);
        acceptLoop = AcceptAsync(listener, stopping.Token);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener?.Stop();
        await acceptLoop;
        if (session is not null)
        {
            await session.DisposeAsync();
        }

        listener?.Dispose();
        stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener tcpListener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await tcpListener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            logger.LogInformation("Virtual printer {PrinterName} accepted a host connection; resetting", options.Name);
            var next = new MarlinSession(client, options, clock, log, ShouldCorrupt, timeProvider, logger);
            Volatile.Write(ref session, next);
            next.Start();
        }
    }

    private bool ShouldCorrupt(long lineNumber) =>
        options.CorruptLineOnce is { } target && lineNumber == target && Interlocked.Exchange(ref corruptionUsed, 1) == 0;
}
