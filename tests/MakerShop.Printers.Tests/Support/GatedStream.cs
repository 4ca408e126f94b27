namespace MakerShop.Printers.Tests.Support;

/// <summary>
/// A forward-only source that hands out its first <c>pauseAfter</c> bytes, then waits until the test opens the gate:
/// the test can act while an upload is provably half-way.
/// </summary>
internal sealed class GatedStream(byte[] content, int pauseAfter) : Stream
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    /// <summary>Completes once every byte before the pause has been read.</summary>
    public Task Paused => _paused.Task;

    public void Open() => _gate.TrySetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == pauseAfter)
        {
            _paused.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }

        var end = _position < pauseAfter ? pauseAfter : content.Length;
        var count = Math.Min(buffer.Length, end - _position);
        content.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
