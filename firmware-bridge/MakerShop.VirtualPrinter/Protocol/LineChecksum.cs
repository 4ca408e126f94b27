namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>Marlin's line checksum: XOR of every byte before the '*'.</summary>
internal static class LineChecksum
{
    public static int Compute(ReadOnlySpan<char> text)
    {
        var checksum = 0;
        foreach (var c in text)
        {
            checksum ^= c & 0xFF;
        }

        return checksum;
    }
}
