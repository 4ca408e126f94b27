using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>
/// One conversation with the firmware: "M110 N0", then each line numbered and checksummed, one in flight, the next
/// sent only after the ok. Resend requests replay from the sent-line history; a silent firmware gets a numbered
/// M105 after each ok timeout, which either draws the late ok or a resend of the lost line, so nothing stalls or
/// is dropped. Growing to a window of several lines in flight only changes when <see cref="SendNextAsync"/> runs.
/// </summary>
internal sealed class LineSender(
    Func<string, CancellationToken, Task> write,
    ChannelReader<FirmwareReply> replies,
    Func<string?> haltReason,
    TimeSpan okTimeout,
    TimeProvider timeProvider,
    ILogger logger)
{
    public const string Hello = "M110 N0";

    private const int HistoryCapacity = 64;
    private const int MaxOutstandingTickles = 2;
    private const int MaxConsecutiveResends = 10;

    // OctoPrint's resendOk: how long a Prusa-style ok after "Resend:" is waited for before it is assumed absent.
    private static readonly TimeSpan ResendOkWindow = TimeSpan.FromMilliseconds(500);

    private readonly SentLineHistory history = new(HistoryCapacity);
    private readonly Queue<SentLine> outstanding = new();
    private readonly Queue<SentLine> replay = new();
    private long nextLineNumber;
    private int nextIndex;
    private int acknowledged;
    private long lastResendLine = -1;
    private int consecutiveResends;

    public async Task<PrintResult> RunAsync(
        IReadOnlyList<string> lines,
        PrintControl? control,
        Action<PrintProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        if (haltReason() is { } haltedBefore)
        {
            return PrintResult.Failed(haltedBefore, firmwareHalted: true);
        }

        await SendAsync(Hello, programIndex: -1, cancellationToken);
        FirmwareReply? pending = null;
        while (true)
        {
            if (haltReason() is { } halted)
            {
                return PrintResult.Failed(halted, firmwareHalted: true);
            }

            if (outstanding.Count == 0)
            {
                if (replay.Count > 0)
                {
                    var line = replay.Dequeue();
                    outstanding.Enqueue(line);
                    await write(line.Wire, cancellationToken);
                }
                else if (nextIndex == lines.Count)
                {
                    return PrintResult.Completed;
                }
                else if (control?.IsCancelRequested == true)
                {
                    return PrintResult.Cancelled;
                }
                else if (control?.IsPaused == true)
                {
                    await control.WaitUntilResumedAsync(cancellationToken);
                    continue;
                }
                else
                {
                    await SendNextAsync(lines, cancellationToken);
                }
            }

            var reply = pending ?? await NextReplyAsync(okTimeout, cancellationToken);
            pending = null;
            switch (reply?.Kind)
            {
                case null:
                    await TickleAsync(cancellationToken);
                    break;
                case FirmwareReplyKind.Ok:
                    Acknowledge(lines.Count, onProgress);
                    break;
                case FirmwareReplyKind.Resend:
                    var refused = PrepareReplay(reply.ResendLine!.Value);
                    if (refused is not null)
                    {
                        return refused;
                    }

                    pending = await SwallowOkAfterResendAsync(cancellationToken);
                    break;
                case FirmwareReplyKind.Fatal:
                    return PrintResult.Failed(reply.Line, firmwareHalted: true);
                case FirmwareReplyKind.Start:
                    return Interrupted("the printer reset (it printed 'start') while lines were being sent");
                case FirmwareReplyKind.Disconnected:
                    return Interrupted("the connection to the firmware was lost");
                default:
                    // Busy: the firmware is alive, so the ok timeout simply starts again.
                    break;
            }
        }
    }

    /// <summary>A halt explains a reset or a closed link better than the symptom does.</summary>
    private PrintResult Interrupted(string symptom) =>
        haltReason() is { } halted ? PrintResult.Failed(halted, firmwareHalted: true) : PrintResult.Failed(symptom);

    private Task SendNextAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var index = nextIndex++;
        return SendAsync(lines[index], index, cancellationToken);
    }

    private async Task SendAsync(string command, int programIndex, CancellationToken cancellationToken)
    {
        var line = new SentLine(nextLineNumber, LineChecksum.Format(nextLineNumber, command), programIndex);
        nextLineNumber++;
        history.Add(line);
        outstanding.Enqueue(line);
        await write(line.Wire, cancellationToken);
    }

    private void Acknowledge(int totalLines, Action<PrintProgress>? onProgress)
    {
        if (!outstanding.TryDequeue(out var line))
        {
            logger.LogDebug("Ignoring an ok with no line in flight");
            return;
        }

        if (line.Number == lastResendLine)
        {
            consecutiveResends = 0;
        }

        if (line.ProgramIndex >= 0 && line.ProgramIndex + 1 > acknowledged)
        {
            acknowledged = line.ProgramIndex + 1;
            onProgress?.Invoke(new PrintProgress(acknowledged, totalLines));
        }
    }

    /// <summary>Queues every line from the requested one onwards; returns a failure when the request cannot be honoured.</summary>
    private PrintResult? PrepareReplay(long requested)
    {
        if (!history.TryGet(requested, out _))
        {
            if (requested == nextLineNumber)
            {
                // Asks for the line not sent yet: the firmware is merely ahead of itself.
                outstanding.Clear();
                return null;
            }

            return PrintResult.Failed($"the firmware asked to resend line {requested}, which is not in the sent-line history");
        }

        consecutiveResends = requested == lastResendLine ? consecutiveResends + 1 : 1;
        lastResendLine = requested;
        if (consecutiveResends > MaxConsecutiveResends)
        {
            return PrintResult.Failed($"the firmware asked for line {requested} {MaxConsecutiveResends} times in a row");
        }

        logger.LogInformation("Firmware asked to resend from line {LineNumber}", requested);
        outstanding.Clear();
        replay.Clear();
        for (var number = requested; number < nextLineNumber; number++)
        {
            if (history.TryGet(number, out var line))
            {
                replay.Enqueue(line);
            }
        }

        return null;
    }

    /// <summary>Prusa firmware follows "Resend:" with an ok that acknowledges nothing; Marlin 2.0.x does not send it.</summary>
    private async Task<FirmwareReply?> SwallowOkAfterResendAsync(CancellationToken cancellationToken)
    {
        var next = await NextReplyAsync(ResendOkWindow, cancellationToken);
        return next?.Kind == FirmwareReplyKind.Ok ? null : next;
    }

    private async Task TickleAsync(CancellationToken cancellationToken)
    {
        if (outstanding.Count(line => line.ProgramIndex < 0) >= MaxOutstandingTickles)
        {
            logger.LogWarning("No ok from the firmware for {Timeout}; still waiting", okTimeout);
            return;
        }

        logger.LogWarning("No ok from the firmware for {Timeout}; sending M105", okTimeout);
        await SendAsync("M105", programIndex: -1, cancellationToken);
    }

    /// <summary>The next flow-control reply, or null when none came within <paramref name="timeout"/>.</summary>
    private async Task<FirmwareReply?> NextReplyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await replies.WaitToReadAsync(linked.Token) && replies.TryRead(out var reply)
                ? reply
                : new FirmwareReply(FirmwareReplyKind.Disconnected, string.Empty);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
