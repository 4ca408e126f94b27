using System.Threading.Channels;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// The host side of the Marlin serial protocol over one open connection. A read loop classifies every line:
/// temperatures, firmware identity and errors are raised as events at once; flow-control replies (ok, resend, busy,
/// start, halt) go to the one conversation that is sending. Conversations never overlap; M112 bypasses them.
/// </summary>
public sealed class GcodeLink : IAsyncDisposable
{
    private static readonly string[] CommunicationErrors = ["Last Line", "checksum", "expected line", "format error", "line number"];

    private readonly IFirmwareConnection connection;
    private readonly TimeSpan okTimeout;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<GcodeLink> logger;
    private readonly Channel<FirmwareReply> flow = Channel.CreateUnbounded<FirmwareReply>(new() { SingleWriter = true });
    private readonly SemaphoreSlim conversation = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task readLoop = Task.CompletedTask;
    private string? haltReason;

    public GcodeLink(IFirmwareConnection connection, TimeSpan okTimeout, TimeProvider timeProvider, ILogger<GcodeLink> logger)
    {
        this.connection = connection;
        this.okTimeout = okTimeout;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public event Action<IReadOnlyList<HeaterReading>>? TemperaturesReported;

    public event Action<string>? FirmwareIdentified;

    /// <summary>Error lines that are not routine line-noise recovery, fatal ones included.</summary>
    public event Action<string>? FirmwareErrorReported;

    /// <summary>The firmware's own words when it halted (kill, thermal runaway); null while it runs.</summary>
    public string? HaltReason => Volatile.Read(ref haltReason);

    /// <summary>Completes when the connection closes.</summary>
    public Task Completion => readLoop;

    public void Start() => readLoop = ReadAsync(stopping.Token);

    /// <summary>Waits for the "start" a firmware prints after a reset; false if it did not come in time.</summary>
    public async Task<bool> WaitForStartAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            while (await flow.Reader.WaitToReadAsync(linked.Token))
            {
                if (flow.Reader.TryRead(out var reply) && reply.Kind == FirmwareReplyKind.Start)
                {
                    return true;
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Streams a job; the result says how it ended. Only <paramref name="cancellationToken"/> throws.</summary>
    public Task<PrintResult> RunProgramAsync(
        GcodeProgram program,
        PrintControl control,
        Action<PrintProgress>? onProgress = null,
        CancellationToken cancellationToken = default) =>
        ConverseAsync(program.Lines, control, onProgress, cancellationToken);

    /// <summary>Sends a few commands the same careful way (handshake, cool-down).</summary>
    public Task<PrintResult> SendCommandsAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken = default) =>
        ConverseAsync(commands, null, null, cancellationToken);

    /// <summary>
    /// M112 at once, unnumbered and outside any conversation: firmware with EMERGENCY_PARSER acts on it as the bytes
    /// arrive, even while a heat-up blocks its queue.
    /// </summary>
    public Task EmergencyStopAsync(CancellationToken cancellationToken = default)
    {
        logger.LogWarning("Sending M112 emergency stop");
        return connection.WriteLineAsync("M112", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await connection.DisposeAsync();
        await readLoop;
        // The conversation gate is not disposed: a job may still be leaving it, and it holds no wait handle.
        stopping.Dispose();
    }

    private async Task<PrintResult> ConverseAsync(
        IReadOnlyList<string> lines,
        PrintControl? control,
        Action<PrintProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        await conversation.WaitAsync(cancellationToken);
        try
        {
            DiscardStaleReplies();
            var sender = new LineSender(connection.WriteLineAsync, flow.Reader, () => HaltReason, okTimeout, timeProvider, logger);
            return await sender.RunAsync(lines, control, onProgress, cancellationToken);
        }
        catch (IOException ex)
        {
            return PrintResult.Failed("writing to the firmware failed: " + ex.Message);
        }
        finally
        {
            conversation.Release();
        }
    }

    /// <summary>Oks and busy lines left over from an earlier conversation would be taken for answers to this one.</summary>
    private void DiscardStaleReplies()
    {
        while (flow.Reader.TryPeek(out var reply) && reply.Kind != FirmwareReplyKind.Disconnected)
        {
            flow.Reader.TryRead(out _);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await connection.ReadLineAsync(cancellationToken) is { } line)
            {
                var reply = FirmwareReplyParser.Parse(line);
                Observe(reply);
                if (reply.Kind is FirmwareReplyKind.Ok or FirmwareReplyKind.Resend or FirmwareReplyKind.Busy
                    or FirmwareReplyKind.Start or FirmwareReplyKind.Fatal)
                {
                    flow.Writer.TryWrite(reply);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            logger.LogDebug("Firmware read loop ended: {Reason}", ex.GetType().Name);
        }
        finally
        {
            flow.Writer.TryWrite(new FirmwareReply(FirmwareReplyKind.Disconnected, string.Empty));
            flow.Writer.TryComplete();
        }
    }

    private void Observe(FirmwareReply reply)
    {
        if (reply.Heaters is { } heaters)
        {
            TemperaturesReported?.Invoke(heaters);
        }

        switch (reply.Kind)
        {
            case FirmwareReplyKind.Fatal:
                Interlocked.CompareExchange(ref haltReason, reply.Line, null);
                logger.LogError("Firmware halted: {FirmwareMessage}", reply.Line);
                FirmwareErrorReported?.Invoke(reply.Line);
                break;
            case FirmwareReplyKind.Error when CommunicationErrors.Any(e => reply.Line.Contains(e, StringComparison.OrdinalIgnoreCase)):
                logger.LogInformation("Firmware reported a communication error: {FirmwareMessage}", reply.Line);
                break;
            case FirmwareReplyKind.Error:
                logger.LogWarning("Firmware reported an error: {FirmwareMessage}", reply.Line);
                FirmwareErrorReported?.Invoke(reply.Line);
                break;
            case FirmwareReplyKind.Info when FirmwareInfoParser.TryParseFirmwareName(reply.Line) is { } name:
                FirmwareIdentified?.Invoke(name);
                break;
            case FirmwareReplyKind.Info when reply.Line.Contains("Unknown command", StringComparison.OrdinalIgnoreCase):
                logger.LogWarning("Firmware did not know a command: {FirmwareMessage}", reply.Line);
                break;
            default:
                break;
        }
    }
}
