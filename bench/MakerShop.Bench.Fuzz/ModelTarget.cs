using MakerShop.Geometry;

namespace MakerShop.Bench.Fuzz;

/// <summary>The model readers as an upload meets them: read, measure, then the printable check.</summary>
internal sealed class ModelTarget(string name, string[] extensions, int maxSeedBytes) : IFuzzTarget
{
    public string Name { get; } = name;

    public IReadOnlyList<byte[]> Seeds(string corpusDirectory) =>
        [.. Directory.GetFiles(corpusDirectory)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(f => Seed(File.ReadAllBytes(f)))];

    public void Run(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        var report = ModelReader.Read(stream);
        PrintableGeometry.Require(report);
    }

    public bool IsRefusal(Exception exception) => exception is ModelFormatException;

    public byte[]? MutateStructure(byte[] input, Random random) =>
        Name == "3mf" ? ThreeMfMutator.Mutate(input, random) : null;

    private byte[] Seed(byte[] bytes)
    {
        if (bytes.Length <= maxSeedBytes || Name != "stl")
        {
            return bytes;
        }

        // A large binary STL is cut to whole facets with its count fixed; an ASCII one is cut (a truncation seed).
        if (bytes.Length >= 84 && 84 + 50L * BitConverter.ToUInt32(bytes, 80) == bytes.Length)
        {
            var facets = (maxSeedBytes - 84) / 50;
            var cut = bytes[..(84 + facets * 50)];
            BitConverter.TryWriteBytes(cut.AsSpan(80), (uint)facets);
            return cut;
        }

        return bytes[..maxSeedBytes];
    }
}
