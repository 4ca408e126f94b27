namespace MakerShop.Web.Broker;

/// <summary>
/// Reads a client's MQTT byte stream for the broker and follows its framing (fixed header, remaining length, body).
/// MQTTnet allocates a packet's whole body as soon as it has read the declared length, so a length over the limit must
/// be caught here, before those bytes reach it: the read fails, and the broker closes the connection having buffered
/// nothing of the packet.
/// </summary>
public sealed class PacketSizeGuardStream(Stream inner, int maxPacketBytes, Action<long> onTooLarge) : Stream
{
    private State _state = State.FixedHeader;
    private long _length;
    private int _lengthBytes;
    private long _multiplier = 1;
    private long _bodyLeft;

    private enum State
    {
        FixedHeader,
        RemainingLength,
        Body,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_state)
            {
                case State.FixedHeader:
                    i++;
                    _state = State.RemainingLength;
                    _length = 0;
                    _lengthBytes = 0;
                    _multiplier = 1;
                    break;
                case State.RemainingLength:
                    var b = bytes[i++];
                    _length += (b & 0x7F) * _multiplier;
                    _multiplier *= 128;
                    _lengthBytes++;
                    if ((b & 0x80) != 0)
                    {
                        if (_lengthBytes == 4)
                        {
                            throw new IOException("Malformed MQTT remaining length.");
                        }

                        break;
                    }

                    // The whole length is known before MQTTnet reads its last byte; the fixed header and the length bytes
                    // count towards the packet's size, as Mosquitto counts it.
                    if (_length + 1 + _lengthBytes > maxPacketBytes)
                    {
                        onTooLarge(_length + 1 + _lengthBytes);
                        throw new IOException($"An MQTT packet of {_length + 1 + _lengthBytes} bytes is over the broker's limit of {maxPacketBytes} bytes.");
                    }

                    _bodyLeft = _length;
                    _state = _bodyLeft == 0 ? State.FixedHeader : State.Body;
                    break;
                default:
                    var skip = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    i += skip;
                    _bodyLeft -= skip;
                    if (_bodyLeft == 0)
                    {
                        _state = State.FixedHeader;
                    }

                    break;
            }
        }
    }
}
