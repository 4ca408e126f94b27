using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Bambu;

public sealed class BambuProjectPackagerTests
{
    private static readonly byte[] Benchy = File.ReadAllBytes(SharedCorpus.PathOf("gcodepreview_benchy_prusaslicer261.gcode"));

    [Fact]
    public async Task The_plate_gcode_comes_back_byte_for_byte_with_the_md5_the_printer_checks()
    {
        using var package = new MemoryStream();
        var result = await new BambuProjectPackager().PackageAsync(new MemoryStream(Benchy), "job-0f3a Benchy", package);

        using var zip = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        var gcode = await ReadAllAsync(zip, "Metadata/plate_1.gcode");
        Assert.Equal(Benchy, gcode);
#pragma warning disable CA5351 // the printer's format, not security
        var expected = Convert.ToHexString(MD5.HashData(Benchy));
#pragma warning restore CA5351
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(await ReadAllAsync(zip, "Metadata/plate_1.gcode.md5")));
        Assert.Equal(expected.ToLowerInvariant(), result.GcodeMd5);
        Assert.Equal("Metadata/plate_1.gcode", result.PlatePath);
        Assert.Equal("job-0f3a-Benchy.gcode.3mf", result.FileName);
    }

    [Fact]
    public async Task The_package_is_a_3mf_whose_relationship_names_its_model()
    {
        using var package = new MemoryStream();
        await new BambuProjectPackager().PackageAsync(new MemoryStream("G28\nG1 X10\n"u8.ToArray()), "job-1", package);

        using var zip = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "3D/3dmodel.model", "Metadata/plate_1.gcode", "Metadata/plate_1.gcode.md5", "Metadata/slice_info.config"],
            zip.Entries.Select(e => e.FullName));
        var rels = XDocument.Load(zip.GetEntry("_rels/.rels")!.Open());
        Assert.Equal("/3D/3dmodel.model", rels.Root!.Elements().Single().Attribute("Target")!.Value);
        var model = XDocument.Load(zip.GetEntry("3D/3dmodel.model")!.Open());
        Assert.Equal(XName.Get("model", "http://schemas.microsoft.com/3dmanufacturing/core/2015/02"), model.Root!.Name);
        Assert.NotNull(model.Root.Element(XName.Get("build", "http://schemas.microsoft.com/3dmanufacturing/core/2015/02")));
        var types = XDocument.Load(zip.GetEntry("[Content_Types].xml")!.Open());
        Assert.Contains(types.Root!.Elements(), e => (string?)e.Attribute("Extension") == "model");
        Assert.Equal("1", XDocument.Load(zip.GetEntry("Metadata/slice_info.config")!.Open()).Descendants("metadata").Single().Attribute("value")!.Value);
    }

    [Fact]
    public async Task A_gcode_read_once_from_a_forward_only_stream_is_packaged_into_a_forward_only_destination()
    {
        var gcode = new byte[3_000_000];
        new Random(7).NextBytes(gcode);
        using var written = new MemoryStream();
        await using (var destination = new ForwardOnlyStream(written))
        {
            await new BambuProjectPackager().PackageAsync(new ForwardOnlyStream(new MemoryStream(gcode)), "job-2", destination);
        }

        using var zip = new ZipArchive(new MemoryStream(written.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(gcode, await ReadAllAsync(zip, "Metadata/plate_1.gcode"));
    }

    [Theory]
    [InlineData("Job 42: Benchy/v2", "Job-42-Benchy-v2.gcode.3mf")]
    [InlineData("  9c1e_Benchy.v3  ", "9c1e_Benchy.v3.gcode.3mf")]
    [InlineData("été ✓ 17", "t-17.gcode.3mf")]
    public void The_file_name_keeps_the_job_names_letters_and_digits(string jobName, string fileName) =>
        Assert.Equal(fileName, BambuProjectPackager.FileNameFor(jobName));

    [Fact]
    public void A_job_name_without_a_letter_or_digit_is_refused() =>
        Assert.Throws<ArgumentException>(() => BambuProjectPackager.FileNameFor("✓ ✓"));

    private static async Task<byte[]> ReadAllAsync(ZipArchive zip, string path)
    {
        using var copy = new MemoryStream();
        await using (var entry = zip.GetEntry(path)!.Open())
        {
            await entry.CopyToAsync(copy);
        }

        return copy.ToArray();
    }

    // What an HTTP download or an FTPS data channel looks like to the packager: no Length, no Seek.
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
