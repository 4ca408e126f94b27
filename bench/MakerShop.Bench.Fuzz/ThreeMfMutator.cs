using System.IO.Compression;
using System.Text;

namespace MakerShop.Bench.Fuzz;

/// <summary>
/// Mutating a zip's bytes mostly breaks its checksums, so most 3MF inputs are made the other way round: the model XML
/// is taken out, mutated as text (numbers swapped for hostile ones, elements inserted or cut), and packed again.
/// </summary>
internal static class ThreeMfMutator
{
    private static readonly string[] Tokens =
    [
        "0", "-0", "1e38", "-1e38", "3.4e39", "NaN", "INF", "1e-45", "2147483647", "2147483648", "-1", "",
        "0 0 0 0 0 0 0 0 0 0 0 0", "1e-30 0 0 0 1e-30 0 0 0 1e-30 0 0 0", "1e4 0 0 0 1e4 0 0 0 1e4 0 0 0",
        "<", ">", "\"", "/>", "&amp;", "&#0;", "<object id=\"1\">", "</object>", "<component objectid=\"1\"/>",
        "<component objectid=\"1\" transform=\"9999 0 0 0 9999 0 0 0 9999 0 0 0\"/>", "<item objectid=\"1\"/>",
        "<build>", "</build>", "unit=\"micron\"", "unit=\"meter\"", "unit=\"parsec\"", "<triangle v1=\"0\" v2=\"0\" v3=\"99999999\"/>",
        "<vertex x=\"1\" y=\"2\" z=\"3\"/>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<?xml version=\"1.0\"?>",
    ];

    public static byte[]? Mutate(byte[] package, Random random)
    {
        string xml;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".model", StringComparison.OrdinalIgnoreCase));
            if (entry is null || entry.Length > 4 << 20)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open());
            xml = reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var text = new StringBuilder(xml);
        for (var edits = 1 + random.Next(4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            var token = Tokens[random.Next(Tokens.Length)];
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, token);
                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(64)));
                    break;
                case 2:
                    ReplaceNumber(text, at, token);
                    break;
                default:
                    // Duplicate a run (an element repeated: many items, deep components).
                    var length = Math.Min(text.Length - at, 1 + random.Next(400));
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
            }
        }

        return Pack(text.ToString());
    }

    public static byte[] Pack(string modelXml)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("3D/3dmodel.model", CompressionLevel.Fastest).Open();
            stream.Write(Encoding.UTF8.GetBytes(modelXml));
        }

        return memory.ToArray();
    }

    private static void ReplaceNumber(StringBuilder text, int at, string token)
    {
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

        text.Remove(start, end - start).Insert(start, token);
    }
}
