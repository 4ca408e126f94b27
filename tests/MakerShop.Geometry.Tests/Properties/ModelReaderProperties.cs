using System.IO.Compression;
using System.Numerics;
using System.Text;
using CsCheck;
using MakerShop.Geometry.Meshes;
using MakerShop.Geometry.Tests.Support;

namespace MakerShop.Geometry.Tests.Properties;

/// <summary>
/// Whatever bytes arrive, the model readers answer with a report or a <see cref="ModelFormatException"/>, within a time
/// bounded by the input's size: arbitrary bytes, and real corpus files damaged by structured mutations. A report that
/// the printable check accepts has finite bounds within the size limits, and streaming the same file to the slicer's
/// STL writer sees the same triangles. Iteration counts keep the class well under a minute on two busy cores.
/// </summary>
public sealed class ModelReaderProperties
{
    private const int Threads = 1;

    private static readonly string[] XmlTokens =
    [
        "0", "-0", "1e38", "-1e38", "3.4e39", "NaN", "Infinity", "1e-45", "2147483647", "4294967296", "-1", "",
        "0 0 0 0 0 0 0 0 0 0 0 0", "<", ">", "\"", "/>", "&amp;", "&#0;", "<object id=\"1\">", "</object>",
        "<component objectid=\"1\"/>", "<item objectid=\"1\"/>", "<build>", "</build>", "unit=\"micron\"", "unit=\"parsec\"",
        "<triangle v1=\"0\" v2=\"0\" v3=\"99999999\"/>", "<vertex x=\"1\" y=\"2\" z=\"3\"/>", "<!DOCTYPE x [<!ENTITY a \"b\">]>",
    ];

    private static readonly string[] StlTokens =
    [
        "0", "-0", "1e38", "3.4e39", "nan", "inf", "-inf", "1e-45", "facet", "endfacet", "outer loop", "endloop", "vertex",
        "endsolid", "solid", "\n", "\r", "\0", " ", "9999999999999999999999", ".", "-", "e", "1,5",
    ];

    [Fact]
    public void Arbitrary_bytes_are_read_or_refused_in_bounded_time() =>
        Gen.Byte.Array[0, 2048].Sample(ReadsOrRefuses, iter: 250, threads: Threads);

    [Fact]
    public void Bytes_that_claim_to_be_a_binary_stl_are_read_or_refused()
    {
        // A header whose count matches the size, so the binary path (not the size check) meets the noise.
        var gen = Gen.Int[0, 40].SelectMany(count => Gen.Byte.Array[50 * count].Select(facets =>
        {
            var bytes = new byte[84 + facets.Length];
            BitConverter.TryWriteBytes(bytes.AsSpan(80), (uint)count);
            facets.CopyTo(bytes, 84);
            return bytes;
        }));
        gen.Sample(ReadsOrRefuses, iter: 200, threads: Threads);
    }

    [Theory]
    [InlineData("numpystl_star_emptyheader.stl")]
    [InlineData("3dbenchy_gunwale.stl")]
    public void A_mutated_binary_stl_from_the_corpus_is_read_or_refused(string file)
    {
        var seed = Seed(file, 50_000);
        Mutations.Of(seed).Sample(ReadsOrRefuses, iter: 100, threads: Threads);
    }

    [Theory]
    [InlineData("prusaslicer_20mmbox_cr.stl")]
    [InlineData("prusaslicer_20mmbox_nonstandard.stl")]
    [InlineData("trimesh_two_objects_mixed_case_names.stl")]
    public void A_mutated_ascii_stl_from_the_corpus_is_read_or_refused(string file)
    {
        var text = File.ReadAllText(Corpus.File(file));
        Mutations.OfText(text, StlTokens).Sample(ReadsOrRefuses, iter: 70, threads: Threads);
        Mutations.Of(Encoding.ASCII.GetBytes(text)).Sample(ReadsOrRefuses, iter: 50, threads: Threads);
    }

    [Fact]
    public void A_3mf_whose_model_xml_is_mutated_is_read_or_refused()
    {
        var xml = ModelXml(Corpus.File("3mfsamples_box.3mf"));
        Mutations.OfText(xml, XmlTokens).Select(Repackage).Sample(ReadsOrRefuses, iter: 150, threads: Threads);
    }

    [Theory]
    [InlineData("3mfsamples_box.3mf")]
    [InlineData("3mfsamples_mustfail_missing_build_element.3mf")]
    public void A_3mf_package_whose_zip_bytes_are_mutated_is_read_or_refused(string file) =>
        Mutations.Of(File.ReadAllBytes(Corpus.File(file))).Sample(ReadsOrRefuses, iter: 120, threads: Threads);

    [Fact]
    public void Arbitrary_3mf_transforms_are_placed_or_refused_and_never_reach_the_slicer_flattened()
    {
        var number = Gen.OneOf(Gen.Float[-10, 10], Gen.Const(0f), Gen.Const(1e-7f), Gen.Const(1e7f), Gen.Const(float.MaxValue), Gen.Float);
        number.Array[12].Select(m => string.Join(' ', m.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Select(transform => TestMeshes.ThreeMf(TestMeshes.CubeModelXml("millimeter", transform)))
            .Sample(ReadsOrRefuses, iter: 200, threads: Threads);
    }

    /// <summary>The property every model input must keep; also what the checked-in regression files are replayed with.</summary>
    internal static void ReadsOrRefuses(byte[] input)
    {
        var report = Bounded.Run<ModelReport?, ModelFormatException>(input, bytes => Printable(ModelReader.Read(new MemoryStream(bytes))));
        if (report is null)
        {
            return;
        }

        var size = report.Metrics.Bounds.Size;
        Assert.True(float.IsFinite(size.X + size.Y + size.Z), $"printable report with bounds {report.Metrics.Bounds}");
        Assert.InRange(Math.Max(size.X, Math.Max(size.Y, size.Z)), ModelReadLimits.Default.MinPartSizeMm, ModelReadLimits.Default.MaxPartSizeMm);

        // What the slicer is handed is the same mesh that was measured.
        var counter = new CountingSink();
        Bounded.Run<ModelFormat, ModelFormatException>(input, bytes => ModelReader.StreamTriangles(new MemoryStream(bytes), counter));
        Assert.Equal(report.Metrics.Triangles, counter.Count);
    }

    private static ModelReport? Printable(ModelReport report)
    {
        PrintableGeometry.Require(report);
        return report;
    }

    private static byte[] Seed(string file, int maxBytes)
    {
        var bytes = File.ReadAllBytes(Corpus.File(file));
        if (bytes.Length <= maxBytes)
        {
            return bytes;
        }

        // A binary STL cut to whole facets, with its count matching, so mutations start from a valid file.
        var facets = (maxBytes - 84) / 50;
        var cut = bytes[..(84 + facets * 50)];
        BitConverter.TryWriteBytes(cut.AsSpan(80), (uint)facets);
        return cut;
    }

    private static string ModelXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".model", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Repackage(byte[] modelXml) => TestMeshes.ThreeMf(Encoding.UTF8.GetString(modelXml));

    private sealed class CountingSink : ITriangleSink
    {
        public long Count { get; private set; }

        public void Add(Vector3 a, Vector3 b, Vector3 c) => Count++;
    }
}
