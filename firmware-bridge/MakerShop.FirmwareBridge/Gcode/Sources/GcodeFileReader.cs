using System.Text;

namespace MakerShop.FirmwareBridge.Gcode.Sources;

/// <summary>
/// Streams a G-code file from disk through one fixed buffer: a 200 MB print costs <see cref="BufferSize"/> bytes of
/// look-ahead, never the file. Tracks the byte offset of every line so progress follows the file, not a line count
/// (slicer files mix short moves with long comment blocks, and a line count is unknown until the end).
/// </summary>
internal sealed class GcodeFileReader : IGcodeSource
{
    /// <summary>Also the longest line accepted; Marlin's own limit (MAX_CMD_SIZE) is 96.</summary>
    public const int BufferSize = 64 * 1024;

    private readonly FileStream file;
    private readonly byte[] buffer = new byte[BufferSize];
    private int start;
    private int end;
    private long consumed;
    private bool endOfFile;

    public GcodeFileReader(string path)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: true);
        TotalBytes = file.Length;
    }

    public long TotalBytes { get; }

    public int PeakBufferedBytes { get; private set; }

    public async ValueTask<ProgramLine?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (await ReadRawLineAsync(cancellationToken) is { } raw)
        {
            if (GcodeLinePreparer.Prepare(raw) is { } command)
            {
                return new ProgramLine(command, consumed);
            }
        }

        return null;
    }

    public void Dispose() => file.Dispose();

    private async ValueTask<string?> ReadRawLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                return Take(newline - start, newline - start + 1);
            }

            if (endOfFile)
            {
                return end > start ? Take(end - start, end - start) : null;
            }

            if (start == 0 && end == buffer.Length)
            {
                throw new InvalidDataException($"the G-code file has a line longer than {BufferSize} bytes at byte {consumed}");
            }

            // Keep the partial line, refill behind it.
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            int read;
            try
            {
                read = await file.ReadAsync(buffer.AsMemory(end), cancellationToken);
            }
            catch (IOException ex)
            {
                // Told apart from a broken printer link, which is an IOException too.
                throw new InvalidDataException("reading the file failed: " + ex.Message, ex);
            }

            endOfFile = read == 0;
            end += read;
            PeakBufferedBytes = Math.Max(PeakBufferedBytes, end);
        }
    }

    private string Take(int length, int advance)
    {
        var text = Encoding.UTF8.GetString(buffer, start, length);
        start += advance;
        consumed += advance;
        return text;
    }
}
