using System.Buffers.Binary;
using CsCheck;

namespace MakerShop.Geometry.Tests.Properties;

/// <summary>
/// Structured damage to a real file, as a generator: bit flips, overwritten bytes, inserted and deleted runs, interesting
/// integers (0, -1, 2^31, sizes just off by one) written over what was there, truncation, and a splice of the file into
/// itself. Each edit is a generated value, so CsCheck shrinks a failing case to the fewest, smallest edits.
/// </summary>
public static class Mutations
{
    private static readonly uint[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFFE, 0x0100_0000, 0x7F80_0000 /* +inf */, 0x7FC0_0000 /* NaN */];

    public static Gen<byte[]> Of(byte[] seed) =>
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 8]).Array[1, 6]
            .Select(edits => Apply(seed, edits));

    public static Gen<byte[]> OfText(string seed, string[] tokens) =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, tokens.Length - 1], Gen.Int[0, 64]).Array[1, 6]
            .Select(edits => ApplyText(seed, tokens, edits));

    public static byte[] Apply(byte[] seed, (int Kind, int Position, int Other, byte[] Bytes)[] edits)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(edits);
        var data = new List<byte>(seed);
        Span<byte> word = stackalloc byte[4];
        foreach (var (kind, position, other, bytes) in edits)
        {
            var at = data.Count == 0 ? 0 : position % data.Count;
            switch (kind)
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << (other % 8));
                    break;
                case 1:
                    for (var i = 0; i < bytes.Length && at + i < data.Count; i++)
                    {
                        data[at + i] = bytes[i];
                    }

                    break;
                case 2:
                    data.InsertRange(at, bytes);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + other % 64));
                    break;
                case 4:
                    var value = Interesting[other % Interesting.Length] + (uint)(bytes[0] % 3) - 1;
                    BinaryPrimitives.WriteUInt32LittleEndian(word, value);
                    for (var i = 0; i < 4 && at + i < data.Count; i++)
                    {
                        data[at + i] = word[i];
                    }

                    break;
                case 5:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 6 when data.Count > 0:
                    var from = other % data.Count;
                    var length = Math.Min(data.Count - from, 1 + bytes[0] * 16);
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                default:
                    data.Add(bytes[0]);
                    break;
            }
        }

        return [.. data];
    }

    private static byte[] ApplyText(string seed, string[] tokens, (int Kind, int Position, int Token, int Length)[] edits)
    {
        var text = new System.Text.StringBuilder(seed);
        foreach (var (kind, position, token, length) in edits)
        {
            var at = text.Length == 0 ? 0 : position % text.Length;
            switch (kind)
            {
                case 0:
                    text.Insert(at, tokens[token]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, length));
                    text.Insert(at, tokens[token]);
                    break;
                case 2:
                    text.Remove(at, Math.Min(text.Length - at, length));
                    break;
                case 3:
                    // Replace the number starting at or after the position, where most of a model's meaning is.
                    var start = at;
                    while (start < text.Length && !char.IsAsciiDigit(text[start]))
                    {
                        start++;
                    }

                    var end = start;
                    while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or '-'))
                    {
                        end++;
                    }

                    text.Remove(start, end - start).Insert(start, tokens[token]);
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}
