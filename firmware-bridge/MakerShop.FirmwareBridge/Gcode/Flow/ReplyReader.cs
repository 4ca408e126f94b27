using System.Threading.Channels;
using MakerShop.FirmwareBridge.Gcode.Replies;

namespace MakerShop.FirmwareBridge.Gcode.Flow;

/// <summary>
/// Takes the next flow-control reply with a deadline (<see cref="Timeout.InfiniteTimeSpan"/> for none); null means the
/// deadline passed in silence.
/// </summary>
internal sealed class ReplyReader(ChannelReader<FirmwareReply> replies, TimeProvider timeProvider)
{
    public async Task<FirmwareReply?> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (replies.TryRead(out var ready))
        {
            return ready;
        }

        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        using var timer = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await replies.WaitToReadAsync(linked.Token) && replies.TryRead(out var reply)
                ? reply
                : FirmwareReply.Disconnected;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
