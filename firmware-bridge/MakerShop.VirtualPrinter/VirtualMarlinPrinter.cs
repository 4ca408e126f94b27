using System.Net;
using System.Net.Sockets;
using MakerShop.VirtualPrinter.Faults;
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
    private readonly ILogger<VirtualMarlinPrinter> logger;
    private readonly SimulatedClock clock;
    private readonly ExecutedCommandLog log;
    private readonly PrinterCounters counters = new();
    private readonly PrinterRuntime runtime;
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private Task acceptLoop = Task.CompletedTask;
    private MarlinSession? session;

    public VirtualMarlinPrinter(VirtualPrinterOptions options, TimeProvider timeProvider, ILogger<VirtualMarlinPrinter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CommandBufferSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PlannerBufferSize);
        if (options.BaudRate is { } baud)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(baud, 10, nameof(options.BaudRate));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.LinkLatency, TimeSpan.Zero, nameof(options.LinkLatency));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExecutedCommandCapacity);
        log = new ExecutedCommandLog(options.ExecutedCommandCapacity);
        this.options = options;
        this.logger = logger;
        clock = new SimulatedClock(timeProvider, options.TimeScale);
        runtime = new PrinterRuntime(options, clock, log, counters, new FaultInjector(options, counters), timeProvider, logger);
    }

    public int Port { get; private set; }

    /// <summary>Every command executed, in order, without line numbers or checksums.</summary>
    public IReadOnlyList<string> ExecutedCommands => log.Snapshot();

    /// <summary>
    /// The simulated time the machine was busy with moves, dwells, homing and heat-ups; a heat-up that overlaps
    /// moves counts once. A move counts from the moment it enters the planner, so read this after M400 for a total.
    /// </summary>
    public TimeSpan SimulatedPrintTime => clock.TotalSpent;

    public bool IsKilled => Volatile.Read(ref session)?.IsKilled ?? false;

    /// <summary>Bytes the host sent, over all connections, counted as they come off the (emulated) wire.</summary>
    public long BytesReceived => counters.BytesReceived;

    /// <summary>"Resend:" lines sent: checksum and line-number errors, injected corruption and buffer overflows alike.</summary>
    public int ResendRequests => counters.ResendRequests;

    /// <summary>Oks withheld by <see cref="VirtualPrinterOptions.DropOkShare"/>.</summary>
    public int OksDropped => counters.OksDropped;

    /// <summary>Lines answered as corrupt by <see cref="VirtualPrinterOptions.CorruptLineShare"/> or <see cref="VirtualPrinterOptions.CorruptLineOnce"/>.</summary>
    public int LinesCorrupted => counters.LinesCorrupted;

    /// <summary>Commands in the command buffer right now, the one being processed included.</summary>
    public int QueuedCommands => Volatile.Read(ref session)?.QueuedCommands ?? 0;

    /// <summary>Planner blocks not yet finished right now.</summary>
    public int PlannedMoves => Volatile.Read(ref session)?.PlannedMoves ?? 0;

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
            var next = new MarlinSession(client, runtime);
            Volatile.Write(ref session, next);
            next.Start();
        }
    }
}
