using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace MakerShop.VirtualPrinter.Transport;

/// <summary>
/// The printer's side of the serial cable over a TCP stream: counts what the host sent and, with an emulated baud
/// rate or link latency, lets bytes through each way no faster and no sooner than the link would.
/// <para>
/// Receiving: a pump takes bytes off the socket as soon as the host writes them and gives each line its arrival
/// time on the receive <see cref="BytePacer"/>'s timeline; reads hand lines over when they are due, every line that
/// is due at once, sleeping only when the next is further away than
/// <see cref="BytePacer.Tolerance"/>. So the printer can acknowledge line 1
/// while line 2 is still on the wire, a host keeping several lines in flight sees the same pipeline as on real
/// serial, and timer overshoot never slows a busy wire down.
/// </para>
/// <para>
/// Sending: a write schedules its bytes on the send timeline and returns; a delivery loop puts them on the socket
/// when they are due. A write waits only while more than a UART transmit buffer's worth is still queued, so a long
/// reply holds its writer back as on real hardware while latency stays pipelined.
/// </para>
/// Only the async paths are supported, so the pacing cannot be bypassed by accident.
/// </summary>
internal sealed class SerialWireStream : Stream
{
    /// <summary>Marlin's largest TX_BUFFER_SIZE: replies up to this much ahead of the wire do not block the writer.</summary>
    private const int TransmitBufferBytes = 128;

    /// <summary>What the host's serial driver holds before its writes block: the socket is not read further ahead.</summary>
    private const int HostBufferBytes = 4096;

    private readonly Stream inner;
    private readonly BytePacer? receivePacer;
    private readonly BytePacer? sendPacer;
    private readonly Action<int> received;
    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<Piece> incoming = Channel.CreateUnbounded<Piece>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly Channel<Piece> outgoing = Channel.CreateUnbounded<Piece>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly Task pump = Task.CompletedTask;
    private readonly Task delivery = Task.CompletedTask;
    private ReadOnlyMemory<byte> partial;
    private Exception? sendFailure;
    private long unsent;
    private int disposed;

    public SerialWireStream(Stream inner, BytePacer? receivePacer, BytePacer? sendPacer, Action<int> received)
    {
        this.inner = inner;
        this.receivePacer = receivePacer;
        this.sendPacer = sendPacer;
        this.received = received;
        if (receivePacer is not null)
        {
            pump = Task.Run(() => PumpAsync(receivePacer, stopping.Token));
        }

        if (sendPacer is not null)
        {
            delivery = Task.Run(() => DeliverAsync(sendPacer, stopping.Token));
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (receivePacer is null)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            received(read);
            return read;
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        while (count == 0)
        {
            if (!partial.IsEmpty)
            {
                // The rest of a piece that did not fit last time: it is due already.
                count = Take(partial, buffer.Span);
                partial = partial[count..];
                break;
            }

            if (!incoming.Reader.TryPeek(out var next))
            {
                if (!await incoming.Reader.WaitToReadAsync(cancellationToken))
                {
                    return 0;
                }

                continue;
            }

            await receivePacer.WaitUntilAsync(next.ArrivesAt, cancellationToken);

            // Everything due goes at once, so a wake-up that came late catches up in one read.
            while (count < buffer.Length && partial.IsEmpty && incoming.Reader.TryPeek(out next) && receivePacer.IsDue(next.ArrivesAt))
            {
                incoming.Reader.TryRead(out _);
                var taken = Take(next.Bytes, buffer.Span[count..]);
                partial = next.Bytes[taken..];
                count += taken;
            }
        }

        received(count);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (sendPacer is null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        var chunkSize = Math.Min(sendPacer.ChunkSize, TransmitBufferBytes);
        while (!buffer.IsEmpty)
        {
            if (Volatile.Read(ref sendFailure) is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            // A full transmit buffer blocks the writer until the wire has drained it.
            await sendPacer.WaitUntilAsync(sendPacer.IdleAt - sendPacer.WireTime(TransmitBufferBytes), cancellationToken);
            var chunk = buffer[..Math.Min(buffer.Length, chunkSize)];
            Interlocked.Increment(ref unsent);
            outgoing.Writer.TryWrite(new Piece(chunk.ToArray(), sendPacer.Schedule(chunk.Length)));
            buffer = buffer[chunk.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    /// <summary>Completes once every byte written so far has reached the host (or the connection has failed).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (sendPacer is not null && Interlocked.Read(ref unsent) > 0 && !delivery.IsCompleted)
        {
            var wait = sendPacer.IdleAt + sendPacer.Latency - sendPacer.Now;
            await sendPacer.SleepAsync(wait > BytePacer.Tolerance ? wait : BytePacer.Tolerance, cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The virtual printer reads asynchronously only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The virtual printer writes asynchronously only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await Task.WhenAll(pump, delivery);
        stopping.Dispose();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Cancel();
            Task.WhenAll(pump, delivery).GetAwaiter().GetResult();
            stopping.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int Take(ReadOnlyMemory<byte> from, Span<byte> into)
    {
        var taken = Math.Min(from.Length, into.Length);
        from.Span[..taken].CopyTo(into);
        return taken;
    }

    /// <summary>Takes the host's bytes off the socket as they come and timestamps each line on the receive timeline.</summary>
    private async Task PumpAsync(BytePacer pacer, CancellationToken cancellationToken)
    {
        var chunk = new byte[HostBufferBytes];
        var pieces = new List<Piece>();
        Exception? failure = null;
        try
        {
            while (true)
            {
                // The host's driver buffers only so much; beyond that its writes wait for the wire, as do ours.
                await pacer.WaitUntilAsync(pacer.IdleAt - pacer.WireTime(HostBufferBytes), cancellationToken);
                var read = await inner.ReadAsync(chunk, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                // All of one read is scheduled before any is handed on, so the timestamps are when the host wrote it.
                var rest = chunk.AsMemory(0, read);
                while (!rest.IsEmpty)
                {
                    var newline = rest.Span.IndexOf((byte)'\n');
                    var take = Math.Min(newline < 0 ? rest.Length : newline + 1, pacer.ChunkSize);
                    pieces.Add(new Piece(rest[..take].ToArray(), pacer.Schedule(take)));
                    rest = rest[take..];
                }

                foreach (var piece in pieces)
                {
                    incoming.Writer.TryWrite(piece);
                }

                pieces.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the reader is being torn down too.
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            incoming.Writer.TryComplete(failure);
        }
    }

    /// <summary>Puts reply bytes on the socket when they are due, everything due in one write.</summary>
    private async Task DeliverAsync(BytePacer pacer, CancellationToken cancellationToken)
    {
        var batch = new List<byte>(TransmitBufferBytes);
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(cancellationToken))
            {
                if (!outgoing.Reader.TryPeek(out var next))
                {
                    continue;
                }

                await pacer.WaitUntilAsync(next.ArrivesAt, cancellationToken);
                var pieces = 0;
                while (outgoing.Reader.TryPeek(out next) && pacer.IsDue(next.ArrivesAt))
                {
                    outgoing.Reader.TryRead(out _);
                    batch.AddRange(next.Bytes.Span);
                    pieces++;
                }

                if (pieces > 0)
                {
                    await inner.WriteAsync(batch.ToArray(), cancellationToken);
                    batch.Clear();
                    Interlocked.Add(ref unsent, -pieces);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            // The next write reports it, as a failed socket write would have.
            Volatile.Write(ref sendFailure, ex);
        }
    }

    /// <summary>Bytes of one line (or of a long run without line breaks) and when the last of them arrives.</summary>
    private readonly record struct Piece(ReadOnlyMemory<byte> Bytes, TimeSpan ArrivesAt);
}
