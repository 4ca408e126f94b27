using System.Globalization;
using System.Text;

namespace MakerShop.Geometry.Stl;

/// <summary>
/// Splits ASCII STL into whitespace-separated words from a small buffer, whatever the line endings (LF, CRLF, or
/// old Mac CR), and knows which line each word is on for error messages.
/// </summary>
internal sealed class AsciiTokenizer(Stream stream)
{
    private const int MaxTokenLength = 512;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfStream;
    private bool _previousWasCr;

    public long Line { get; private set; } = 1;

    /// <summary>The next word, or an empty span at the end of the file. Valid until the next call.</summary>
    public ReadOnlySpan<byte> Next()
    {
        // Skip whitespace.
        while (true)
        {
            if (_position == _length && !Fill())
            {
                return [];
            }

            var b = _buffer[_position];
            if (!IsSpace(b))
            {
                break;
            }

            CountLine(b);
            _position++;
        }

        var start = _position;
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfStream)
                {
                    break;
                }

                // Move the partial word to the front and read more behind it.
                var partial = _length - start;
                Buffer.BlockCopy(_buffer, start, _buffer, 0, partial);
                _length = partial;
                _position = partial;
                start = 0;
                if (!Fill(keep: true))
                {
                    break;
                }
            }

            if (IsSpace(_buffer[_position]))
            {
                break;
            }

            if (_position - start >= MaxTokenLength)
            {
                throw new ModelFormatException(ModelProblem.Syntax, $"Line {Line}: a word longer than {MaxTokenLength} characters; this is not an ASCII STL.");
            }

            _position++;
        }

        return _buffer.AsSpan(start, _position - start);
    }

    /// <summary>Skips the rest of the current line (a solid's name may contain anything).</summary>
    public void SkipLine()
    {
        while (true)
        {
            if (_position == _length && !Fill())
            {
                return;
            }

            var b = _buffer[_position];
            if (b is (byte)'\n' or (byte)'\r')
            {
                return;
            }

            _position++;
        }
    }

    /// <summary>
    /// A number that may be garbage without making the file unreadable: anything that is not a number reads as NaN, so
    /// a stored normal with one garbage part counts as no normal, as it does in a binary file.
    /// </summary>
    public float ReadLenientFloat(string what)
    {
        var token = Next();
        if (token.IsEmpty)
        {
            throw new ModelFormatException(ModelProblem.Truncated, $"Line {Line}: the file ends inside {what}.");
        }

        return float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : float.NaN;
    }

    public float ReadFloat(string what)
    {
        var token = Next();
        if (token.IsEmpty)
        {
            throw new ModelFormatException(ModelProblem.Truncated, $"Line {Line}: the file ends where {what} was expected.");
        }

        if (!float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ModelFormatException(ModelProblem.Syntax, $"Line {Line}: '{Describe(token)}' is not a number ({what}).");
        }

        if (!float.IsFinite(value))
        {
            throw new ModelFormatException(ModelProblem.InvalidNumber, $"Line {Line}: {what} is '{Describe(token)}', not a finite number.");
        }

        return value;
    }

    public void Expect(string keyword)
    {
        var token = Next();
        if (!Is(token, keyword))
        {
            throw token.IsEmpty
                ? new ModelFormatException(ModelProblem.Truncated, $"Line {Line}: the file ends where '{keyword}' was expected.")
                : new ModelFormatException(ModelProblem.Syntax, $"Line {Line}: expected '{keyword}' but found '{Describe(token)}'.");
        }
    }

    public static bool Is(ReadOnlySpan<byte> token, string keyword)
    {
        if (token.Length != keyword.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            if ((token[i] | 0x20) != (keyword[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    public static string Describe(ReadOnlySpan<byte> token)
    {
        var text = Encoding.ASCII.GetString(token[..Math.Min(token.Length, 40)]);
        return new string([.. text.Select(ch => char.IsControl(ch) || ch > '~' ? '?' : ch)]);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';

    private void CountLine(byte b)
    {
        // CRLF is one line break, a lone CR or a lone LF is one each.
        if (b == '\n')
        {
            if (!_previousWasCr)
            {
                Line++;
            }

            _previousWasCr = false;
        }
        else if (b == '\r')
        {
            Line++;
            _previousWasCr = true;
        }
        else
        {
            _previousWasCr = false;
        }
    }

    private bool Fill(bool keep = false)
    {
        if (_endOfStream)
        {
            return false;
        }

        if (!keep)
        {
            _position = 0;
            _length = 0;
        }

        var read = stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0)
        {
            _endOfStream = true;
            return false;
        }

        _length += read;
        return true;
    }
}
