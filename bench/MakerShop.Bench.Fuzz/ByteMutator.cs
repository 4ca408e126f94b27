using System.Buffers.Binary;

namespace MakerShop.Bench.Fuzz;

/// <summary>
/// libFuzzer's usual moves, our own code: bit flips, random bytes, inserted and erased runs, interesting integers
/// (0, ±1, type limits, float infinities and NaN) in both byte orders, truncation, copies within the input and splices
/// with another corpus entry. One to eight stacked per input.
/// </summary>
internal static class ByteMutator
{
    private static readonly uint[] Interesting =
        [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFFE, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0x3F80_0000];

    public static byte[] Mutate(byte[] input, byte[] other, Random random, int maxLength)
    {
        var data = new List<byte>(input);
        Span<byte> word = stackalloc byte[4];
        for (var stack = 1 + random.Next(8); stack > 0; stack--)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(10))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    var insert = new byte[1 + random.Next(random.Next(2) == 0 ? 4 : 64)];
                    random.NextBytes(insert);
                    data.InsertRange(at, insert);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(random.Next(2) == 0 ? 4 : 256)));
                    break;
                case 4:
                    var value = Interesting[random.Next(Interesting.Length)] + (uint)random.Next(3) - 1;
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(word, value);
                    }

                    for (var i = 0; i < word.Length && at + i < data.Count; i++)
                    {
                        data[at + i] = word[i];
                    }

                    break;
                case 5 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 6 when data.Count > 0:
                    var from = random.Next(data.Count);
                    data.InsertRange(at, data.GetRange(from, Math.Min(data.Count - from, 1 + random.Next(512))));
                    break;
                case 7 when other.Length > 0:
                    // Splice: our head, the other entry's tail.
                    var cut = random.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(cut).ToArray());
                    break;
                case 8 when data.Count > 0:
                    // An ASCII digit run replaced: most text formats carry their meaning in numbers.
                    var digits = random.Next(2) == 0 ? "0" : random.NextInt64(long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    data.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(random.Next(3) == 0 ? "-" + digits : digits));
                    break;
                default:
                    data.Add((byte)random.Next(256));
                    break;
            }
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return [.. data];
    }
}
